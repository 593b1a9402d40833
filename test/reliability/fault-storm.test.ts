// Fault storm: a 1,000-item Send Message run meets random 429s (with Reset headers), 500s on
// GETs, slow answers and dropped connections. Nothing may be lost, reordered or sent twice.
import type { IDataObject } from 'n8n-workflow';

import type { LoggedRequest, Sandbox } from '../sandbox';
import { numbered, sendNumbered, storedCounts as stored } from '../nodes/bulk';
import { runNode, useSandbox } from '../nodes/helpers';

const ITEMS = 1000;
const POST = '/api/v1/chat.postMessage';
const LOOKUP = '/api/v1/users.info';

/** Random faults, seeded so a failure can be replayed. */
function storm(sandbox: Sandbox, seed: number) {
	sandbox.clearFaults();
	const post = { path: POST, method: 'POST', times: Infinity };
	const get = { path: LOOKUP, method: 'GET', times: Infinity };
	sandbox.fault({ ...post, mode: '429', probability: 0.04, resetMs: 40, seed });
	sandbox.fault({ ...post, mode: 'slow', probability: 0.02, delayMs: 30, seed: seed + 1 });
	sandbox.fault({ ...post, mode: 'drop', probability: 0.006, seed: seed + 2 });
	sandbox.fault({ ...post, mode: 'dropAfter', probability: 0.006, seed: seed + 3 });
	sandbox.fault({ ...get, mode: '500', probability: 0.03, seed: seed + 4 });
	sandbox.fault({ ...get, mode: 'drop', probability: 0.005, seed: seed + 5 });
	sandbox.fault({ ...get, mode: 'slow', probability: 0.02, delayMs: 30, seed: seed + 6 });
}

/** Send Message to a user picked by ID: one lookup (GET) and one post (POST) per item. */
function parameters(sandbox: Sandbox, prefix: string, batchSize?: number) {
	const target = { sendTo: 'user', user: { __rl: true, mode: 'id', value: sandbox.fixtures.user._id } };
	return sendNumbered(prefix, target, batchSize);
}

// ~20 s on an idle machine; the limit leaves room for a loaded CI runner.
jest.setTimeout(180_000);

const input = numbered(ITEMS);

/** The posts the sandbox saw for each item, in order. */
function postsByItem(sandbox: Sandbox, prefix: string): Map<number, LoggedRequest[]> {
	const byItem = new Map<number, LoggedRequest[]>();
	for (const entry of sandbox.requests({ method: 'POST', path: POST })) {
		const text = String(entry.body?.text ?? '');
		if (!text.startsWith(`${prefix} `)) continue;
		const item = Number(text.slice(prefix.length + 1));
		byItem.set(item, [...(byItem.get(item) ?? []), entry]);
	}
	return byItem;
}

const CAUSE = {
	drop: /connection .*closed|socket|reset/i,
	rateLimit: /too many requests|rate limit/i,
	lookup: /server error|internal|500|connection .*closed|could not|not answer/i,
};

function expectEveryItemAccounted(sandbox: Sandbox, prefix: string, output: IDataObject[]) {
	expect(output).toHaveLength(ITEMS);
	const posts = postsByItem(sandbox, prefix);
	const counts = stored(sandbox, prefix);
	const causes = { sent: 0, drop: 0, rateLimit: 0, lookup: 0 };
	output.forEach((json, i) => {
		const text = `${prefix} ${i}`;
		const last = posts.get(i)?.at(-1);
		if (json.error === undefined) {
			// the sent message, for this item
			expect(json.msg).toBe(text);
			expect(counts.get(text)).toBe(1);
			expect(last?.status).toBe(200);
			causes.sent++;
			return;
		}
		const message = `${String(json.error)} ${String(json.description ?? '')}`;
		if (last === undefined) {
			// the lookup failed for good: nothing was posted
			expect(message).toMatch(CAUSE.lookup);
			causes.lookup++;
		} else if (last.fault === 'drop' || last.fault === 'dropAfter') {
			expect(message).toMatch(CAUSE.drop);
			// a post that may have been carried out is never sent again
			expect(posts.get(i)!.filter((entry) => entry.fault !== '429')).toHaveLength(1);
			causes.drop++;
		} else {
			expect(last.fault).toBe('429');
			expect(message).toMatch(CAUSE.rateLimit);
			causes.rateLimit++;
		}
	});
	// no message is stored twice
	expect([...counts.values()].filter((count) => count > 1)).toEqual([]);
	return causes;
}

describe('fault storm: 1,000 Send Message items against random faults', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());
	afterEach(() => ctx.sandbox.clearFaults());

	it.each([
		['one item after another', undefined, 11],
		['Batching 8', 8, 23],
	])('with Continue On Fail (%s): 1,000 items in input order, each sent or naming its cause', async (_title, batchSize, seed) => {
		const { sandbox } = ctx;
		const prefix = `storm-${seed}`;
		storm(sandbox, seed);
		const run = await runNode(sandbox, 'squadusChat', parameters(sandbox, prefix, batchSize), {
			input,
			continueOnFail: true,
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.outputs.Squadus.map((item) => item.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		const causes = expectEveryItemAccounted(sandbox, prefix, run.json);
		// the storm did hit: retried 429s and GET 500s are invisible, drops are reported
		expect(sandbox.requests().filter((entry) => entry.fault === '429').length).toBeGreaterThan(10);
		expect(sandbox.requests().filter((entry) => entry.fault === '500').length).toBeGreaterThan(5);
		expect(causes.drop).toBeGreaterThan(0);
		expect(causes.sent).toBeGreaterThan(ITEMS * 0.9);
	});

	it.each([
		['one item after another', undefined, 31],
		['Batching 8', 8, 47],
	])('without Continue On Fail (%s): stops at the first item that cannot be recovered and names it', async (_title, batchSize, seed) => {
		const { sandbox } = ctx;
		const prefix = `strict-${seed}`;
		storm(sandbox, seed);
		const run = await runNode(sandbox, 'squadusChat', parameters(sandbox, prefix, batchSize), { input });
		expect(run.nodeError).toBeDefined();
		const failedAt = run.nodeError!.context?.itemIndex as number;
		expect(typeof failedAt).toBe('number');

		// every item before it was sent exactly once; it failed for a reason the log shows
		const posts = postsByItem(sandbox, prefix);
		const counts = stored(sandbox, prefix);
		for (let i = 0; i < failedAt; i++) expect(counts.get(`${prefix} ${i}`)).toBe(1);
		const last = posts.get(failedAt)?.at(-1);
		const message = `${run.nodeError!.message} ${run.nodeError!.description ?? ''}`;
		if (last === undefined) expect(message).toMatch(CAUSE.lookup);
		else if (last.fault === 'drop' || last.fault === 'dropAfter') expect(message).toMatch(CAUSE.drop);
		else expect(message).toMatch(CAUSE.rateLimit);
		expect([...counts.values()].filter((count) => count > 1)).toEqual([]);

		// nothing after it was started (one after another), or only what was already in flight.
		// With Batching the other items go on while the failing one is retried, so later items may
		// have been sent before it failed; after its last answer at most the others in flight
		// (Items per Batch - 1) reach the server.
		const later = [...posts.keys()].filter((item) => item > failedAt);
		if (batchSize === undefined) expect(later).toEqual([]);
		else if (last !== undefined) {
			const startedAfter = later.filter((item) => posts.get(item)![0].time > last.time);
			expect(startedAfter.length).toBeLessThanOrEqual(batchSize - 1);
		}
	});
});
