// Single-flight session renewal: when the session of a Password credential expires while
// several items are in flight (Batching), every request gets a 401, yet Squadus sees one
// login per expiry, and every request is retried once with the new session: no item is lost,
// none is posted twice.
import { clearSessionStates } from '../../nodes/shared/transport/session';
import type { CredentialStore } from '../harness';
import { numbered, sendNumbered, storedTexts, toGeneral, withExpiryStorm } from '../nodes/bulk';
import { CREDENTIAL_NAME, passwordStore, runNode, useSandbox, type NodeRun } from '../nodes/helpers';
import type { Sandbox } from '../sandbox';

const ITEMS = 200;
/** Sessions are expired after every this many posts, never after the last ones. */
const EVERY = 20;
const input = numbered(ITEMS);
const STORM = { every: EVERY, before: ITEMS, pollMs: 2 };

jest.setTimeout(120_000);

const ctx = useSandbox();

beforeEach(() => {
	// each test starts as a new n8n process would: no session state kept from the one before
	clearSessionStates();
	ctx.sandbox.clearRequests();
	ctx.sandbox.configure({ sessionTtlMs: 24 * 60 * 60 * 1000 });
});

function send(sandbox: Sandbox, prefix: string, store: CredentialStore, batchSize?: number, continueOnFail?: boolean) {
	return runNode(sandbox, 'squadusChat', sendNumbered(prefix, toGeneral(sandbox), batchSize), {
		input,
		store,
		continueOnFail,
	});
}

/** Every item answered in input order, and exactly one message per item on the server. */
function expectEveryItemOnce(sandbox: Sandbox, run: NodeRun, prefix: string) {
	expect(run.nodeError).toBeUndefined();
	expect(run.json.map((message) => message.msg)).toEqual(input.map(({ i }) => `${prefix} ${i}`));
	const stored = storedTexts(sandbox, prefix);
	expect(stored.sort()).toEqual(input.map(({ i }) => `${prefix} ${i}`).sort());
	const posts = sandbox.requests({ path: '/api/v1/chat.postMessage' });
	expect(posts.filter((call) => call.status === 200)).toHaveLength(ITEMS);
	expect(posts.filter((call) => call.status !== 200 && call.status !== 401)).toHaveLength(0);
}

const logins = () => ctx.sandbox.requests({ path: '/api/v1/login' });
const rejectedPosts = () =>
	ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' }).filter((call) => call.status === 401);

describe('session renewal with the Password credential', () => {
	it('Batching 8: one login per expiry, every item sent exactly once', async () => {
		const { sandbox } = ctx;
		const store = passwordStore(sandbox);
		const { result, expiries } = await withExpiryStorm(sandbox, STORM, () => send(sandbox, 'renew-b8', store, 8));
		expectEveryItemOnce(sandbox, result, 'renew-b8');
		expect(expiries).toBeGreaterThanOrEqual(5);
		// several requests were in flight at an expiry, and all of them were turned away
		expect(rejectedPosts().length).toBeGreaterThan(expiries);
		// the first login (the credential has no session yet), then one per expiry
		expect(logins().length).toBeLessThanOrEqual(expiries + 1);
		expect(logins().every((call) => call.status === 200)).toBe(true);
		// n8n keeps the last session in the credential: the next execution reuses it
		const { authToken } = store.get(CREDENTIAL_NAME.password)!;
		sandbox.clearRequests();
		const next = await runNode(
			sandbox,
			'squadusChat',
			{
				operation: 'send',
				sendTo: 'channel',
				channel: { __rl: true, mode: 'id', value: sandbox.fixtures.channels.general._id },
				text: 'reused session',
			},
			{ store },
		);
		expect(next.nodeError).toBeUndefined();
		expect(logins()).toHaveLength(0);
		expect(sandbox.requests({ path: '/api/v1/chat.postMessage' })[0].headers['x-auth-token']).toBe(authToken);
	});

	it('Batching 8 with a short session lifetime: a new login only when the session ran out', async () => {
		const { sandbox } = ctx;
		// Session lifetimes run on a clock the test controls, not the wall clock: every post the
		// server receives advances it by STEP ms, so a session outlives TTL / STEP posts, however
		// loaded the machine is. (A wall-clock lifetime raced the requests: on a busy machine the
		// request sent right after a login could arrive after that session expired too.)
		const STEP = 10;
		const ttl = 150;
		const posts = () => sandbox.requests({ path: '/api/v1/chat.postMessage' }).length;
		const store = passwordStore(sandbox);
		sandbox.configure({ sessionTtlMs: ttl });
		sandbox.setSessionClock(() => posts() * STEP);
		let run: NodeRun;
		try {
			run = await send(sandbox, 'renew-ttl', store, 8);
		} finally {
			sandbox.setSessionClock();
			sandbox.configure({ sessionTtlMs: 24 * 60 * 60 * 1000 });
		}
		const elapsed = posts() * STEP;
		expectEveryItemOnce(sandbox, run, 'renew-ttl');
		expect(rejectedPosts().length).toBeGreaterThan(0);
		// each session lives ttl ms, and is renewed only once it was refused: at most one
		// login per ttl ms of (virtual) run time, plus the first one
		expect(logins().length).toBeGreaterThanOrEqual(2);
		expect(logins().length).toBeLessThanOrEqual(Math.floor(elapsed / ttl) + 1);
	});

	it('one item after another: exactly one login per expiry', async () => {
		const { sandbox } = ctx;
		const store = passwordStore(sandbox);
		// log in first, so every login of the storm is a renewal
		const warmUp = await runNode(sandbox, 'squadusDirectMessage', { operation: 'create', usernames: 'ivan.petrov' }, { store });
		expect(warmUp.nodeError).toBeUndefined();
		sandbox.clearRequests();
		const { result, expiries } = await withExpiryStorm(sandbox, STORM, () => send(sandbox, 'renew-seq', store));
		expectEveryItemOnce(sandbox, result, 'renew-seq');
		expect(expiries).toBeGreaterThanOrEqual(5);
		expect(logins()).toHaveLength(expiries);
		expect(rejectedPosts()).toHaveLength(expiries);
	});

	it('a 401 right after a fresh login is reported as a credential problem, without a login loop', async () => {
		const { sandbox } = ctx;
		const store = passwordStore(sandbox);
		// Squadus accepts the login, then refuses the session on every request with a 401.
		sandbox.configure({ sessionTtlMs: 0 });
		const run = await send(sandbox, 'renew-refused', store, 8, true);
		expect(run.nodeError).toBeUndefined();
		expect(run.json).toHaveLength(ITEMS);
		for (const item of run.json) {
			expect(item.error).toEqual(expect.any(String));
			expect(item.description).toMatch(/credential/i);
		}
		// the first login, and one more when the session was refused: not one per item
		expect(logins().length).toBeLessThanOrEqual(2);
	});
});
