// Squadus's rate limit met by bulk runs: the nodes pace their calls by X-RateLimit-Remaining
// and X-RateLimit-Reset, share what the server said across Batching items, and fail an item
// only after it waited longer than its budget. The sandbox counts calls per route and user
// (a non-admin user; admins bypass the limit, as in Rocket.Chat). Counts, not durations.
import type { IDataObject } from 'n8n-workflow';

import { chainWorkflow, runWorkflow } from '../harness';
import { numbered, sendNumbered, storedCounts } from '../nodes/bulk';
import { nodeCredentials, passwordStore, runNode, useSandbox } from '../nodes/helpers';
import { parseReset } from '../../nodes/shared/transport/rateLimit';
import { PROBE_TYPE, SquadusProbe } from './probe';

const ctx = useSandbox();
const POST = '/api/v1/chat.postMessage';

jest.setTimeout(60_000);

const send = (prefix: string, batchSize?: number) =>
	sendNumbered(
		prefix,
		{ sendTo: 'channel', channel: { __rl: true, mode: 'name', value: 'general' } },
		batchSize,
	);

const items = numbered;

/** How often the sandbox stored each message of a prefix. */
const stored = (prefix: string) => storedCounts(ctx.sandbox, prefix);

const posts = () => ctx.sandbox.requests({ method: 'POST', path: POST });
const refused = () => posts().filter((entry) => entry.status === 429).length;
const failed = (json: IDataObject[]) => json.filter((entry) => entry.error !== undefined).length;

const userStore = () => passwordStore(ctx.sandbox, 'user');

beforeEach(() => {
	ctx.sandbox.clearRequests();
	ctx.sandbox.clearFaults();
	ctx.sandbox.configure({ rateLimit: false });
});

afterAll(() => ctx.sandbox.configure({ rateLimit: false }));

describe('pacing by the rate-limit headers', () => {
	it('sequential: 12 items at 4 calls per window, every item sent, no request refused', async () => {
		const { sandbox } = ctx;
		sandbox.configure({ rateLimit: { limit: 4, windowMs: 1500 } });
		const run = await runNode(sandbox, 'squadusChat', send('seq'), {
			as: 'user',
			input: items(12),
			continueOnFail: true,
		});
		expect(failed(run.json)).toBe(0);
		expect(run.json).toHaveLength(12);
		expect(posts()).toHaveLength(12);
		expect(refused()).toBe(0);
		expect([...stored('seq').values()]).toEqual(Array(12).fill(1));
	});

	it('Batching 8 shares what the server said: 16 items at 4 calls per window, no request refused', async () => {
		const { sandbox } = ctx;
		sandbox.configure({ rateLimit: { limit: 4, windowMs: 1500 } });
		const run = await runNode(sandbox, 'squadusChat', send('batch', 8), {
			as: 'user',
			input: items(16),
			continueOnFail: true,
		});
		expect(failed(run.json)).toBe(0);
		expect(run.json.map((json) => json.msg)).toEqual(items(16).map(({ i }) => `batch ${i}`));
		// without shared pacing the eight items in flight are refused at the end of each window
		expect(refused()).toBe(0);
		expect(posts()).toHaveLength(16);
	});

	it('the nodes of one execution share what the server said: the second node waits for the next window instead of being refused', async () => {
		const { sandbox } = ctx;
		sandbox.configure({ rateLimit: { limit: 4, windowMs: 1500 } });
		const node = (name: string) => ({
			name,
			type: 'n8n-nodes-squadus.squadusChat',
			parameters: {
				authentication: 'password',
				...send(name),
				text: `={{ '${name} ' + $itemIndex }}`,
			},
			credentials: nodeCredentials('password'),
		});
		// the first node uses up a window's 4 calls; the second gets its 4 items
		const run = await runWorkflow(chainWorkflow(node('first'), node('second')), {
			credentials: userStore(),
			input: items(4),
		});
		expect(run.errors).toEqual({});
		expect(run.outputs.second).toHaveLength(4);
		expect(posts()).toHaveLength(8);
		expect(refused()).toBe(0);
	});

	it('no item fails while the server keeps granting calls: 8 executions share one user at 2 calls per window', async () => {
		const { sandbox } = ctx;
		sandbox.configure({ rateLimit: { limit: 2, windowMs: 250 } });
		const store = userStore();
		// one login first, as in a running n8n where the session is stored with the credential
		await runNode(sandbox, 'squadusChat', send('warm-up'), { as: 'user', store });
		sandbox.clearRequests();
		const runs = await Promise.all(
			Array.from({ length: 8 }, (_, execution) =>
				runNode(sandbox, 'squadusChat', send('shared'), {
					store,
					input: items(6, execution * 6),
					continueOnFail: true,
				}),
			),
		);
		for (const run of runs) {
			expect(run.nodeError).toBeUndefined();
			expect(failed(run.json)).toBe(0);
		}
		const counts = stored('shared');
		expect(counts.size).toBe(48);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		expect(posts().filter((entry) => entry.status === 200)).toHaveLength(48);
	});
});

describe('the time budget', () => {
	const probe = async (timeout: number) => {
		const { sandbox } = ctx;
		const workflow = chainWorkflow({
			name: 'Probe',
			type: PROBE_TYPE,
			parameters: {
				authentication: 'password',
				method: 'POST',
				endpoint: '/chat.postMessage',
				body: JSON.stringify({ roomId: sandbox.fixtures.channels.general._id, text: 'never' }),
				options: { timeout },
			},
			credentials: nodeCredentials('password'),
		});
		const run = await runWorkflow(workflow, {
			credentials: passwordStore(sandbox),
			nodeTypes: { [PROBE_TYPE]: new SquadusProbe() },
		});
		return run.errors.Probe;
	};

	it('refusals do not count: five 429s in a row are waited out and the message is posted once', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: POST, mode: '429', times: 6, resetMs: 20 });
		const run = await runNode(sandbox, 'squadusChat', send('patient'), { input: items(1) });
		expect(run.nodeError).toBeUndefined();
		expect(posts().map((entry) => entry.status)).toEqual([429, 429, 429, 429, 429, 429, 200]);
		expect(stored('patient').get('patient 0')).toBe(1);
	});

	it('fails an item that would wait longer than Options → Timeout, saying how long it waited and the limit', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path: POST, mode: '429', times: Infinity, resetMs: 300 });
		const error = await probe(1000);
		expect(error?.message).toMatch(
			/^Squadus's rate limit was still reached after waiting \d+\.\d s$/,
		);
		expect(error?.description).toMatch(
			/allows this account 10 calls per window to "chat.postMessage", and the next call is allowed in \d+\.\d s: beyond the 1\.0 s an item may wait \(the node's Options → Timeout, or 5 minutes without it\)/,
		);
		expect((error as { httpCode?: string }).httpCode).toBe('429');
		const calls = posts();
		expect(calls.length).toBeGreaterThanOrEqual(2);
		expect(calls.every((entry) => entry.status === 429)).toBe(true);
	});
});

describe('X-RateLimit-Reset', () => {
	it('reads epoch milliseconds (Rocket.Chat), epoch seconds and seconds from now', () => {
		const now = 1_767_000_000_000;
		expect(parseReset(now + 1500, now)).toBe(now + 1500);
		expect(parseReset(1_767_000_002, now)).toBe(1_767_000_002_000);
		expect(parseReset(30, now)).toBe(now + 30_000);
		expect(parseReset(undefined, now)).toBeUndefined();
		expect(parseReset(0, now)).toBeUndefined();
	});
});
