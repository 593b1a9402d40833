// Session expiry storm: every session is expired again and again during a 500-item run (every
// 40 posts, so the storm does not depend on the machine's speed). Every item must succeed,
// with at most one login per expiry.
import { numbered, sendNumbered, toGeneral, withExpiryStorm } from '../nodes/bulk';
import { passwordStore, runNode, useSandbox } from '../nodes/helpers';

const ITEMS = 500;
const EVERY = 40;
const input = numbered(ITEMS);

jest.setTimeout(120_000);

describe('session expiry storm', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	it.each([
		['one item after another', undefined],
		['Batching 8', 8],
	])('%s: all 500 items succeed, with at most one login per expiry', async (_title, batchSize) => {
		const { sandbox } = ctx;
		const prefix = `expiry-${batchSize ?? 1}`;
		const store = passwordStore(sandbox);
		const { result: run, expiries } = await withExpiryStorm(sandbox, { every: EVERY, pollMs: 5 }, () =>
			runNode(sandbox, 'squadusChat', sendNumbered(prefix, toGeneral(sandbox), batchSize), { input, store }),
		);
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((message) => message.msg)).toEqual(input.map(({ i }) => `${prefix} ${i}`));
		// each item posted exactly once: a 401 is not carried out, and only it is sent again
		const posted = sandbox.requests({ path: '/api/v1/chat.postMessage' });
		expect(posted.filter((entry) => entry.status === 200)).toHaveLength(ITEMS);
		const logins = sandbox.requests({ path: '/api/v1/login' }).length;
		const rejected = sandbox.requests({ path: '/api/v1/chat.postMessage' }).filter((entry) => entry.status === 401);
		// the storm did hit, and the first login (empty session) is one more than the expiries
		expect(expiries).toBeGreaterThanOrEqual(5);
		expect(rejected.length).toBeGreaterThan(0);
		// With Batching, the items in flight when a session expires all get a 401, yet the
		// session is renewed once for all of them: one login per expiry, plus the first.
		expect(logins).toBeLessThanOrEqual(expiries + 1);
	});
});
