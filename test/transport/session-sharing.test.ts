// Sessions shared beyond one node run, as n8n's queue mode needs them: executions that run at
// the same time in one process (a worker) renew an expired session once between them, and a
// process whose session was refused takes the session another process stored in the
// credential instead of logging in again.
import { clearSessionStates } from '../../nodes/shared/transport/session';
import type { CredentialStore } from '../harness';
import { numbered, sendNumbered, storedTexts, toGeneral } from '../nodes/bulk';
import { CREDENTIAL_NAME, passwordStore, runNode, useSandbox } from '../nodes/helpers';
import type { Sandbox } from '../sandbox';

jest.setTimeout(120_000);

const ctx = useSandbox();
const EXECUTIONS = 8;
const ITEMS = 12;

beforeEach(() => {
	ctx.sandbox.clearRequests();
	clearSessionStates();
});

/** One execution posting ITEMS messages one after another to #general. */
function execution(sandbox: Sandbox, store: CredentialStore, prefix: string) {
	return runNode(sandbox, 'squadusChat', sendNumbered(prefix, toGeneral(sandbox)), {
		input: numbered(ITEMS),
		store,
	});
}

const logins = () => ctx.sandbox.requests({ path: '/api/v1/login' });
const posts = () => ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' });
const stored = (prefix: string) => storedTexts(ctx.sandbox, prefix).length;

/** Calls `act` once, as soon as `count` posts were answered. */
function afterPosts(count: number, act: () => void) {
	const timer = setInterval(() => {
		if (posts().filter((p) => p.status === 200).length >= count) {
			clearInterval(timer);
			act();
		}
	}, 1);
	return () => clearInterval(timer);
}

describe('Password credential sessions across executions and processes', () => {
	it(`${EXECUTIONS} executions at once: one login at start, one after an expiry`, async () => {
		const { sandbox } = ctx;
		const store = passwordStore(sandbox);
		let expiredAt = 0;
		const stop = afterPosts((EXECUTIONS * ITEMS) / 2, () => {
			sandbox.expireSessions();
			expiredAt = Date.now();
		});
		const runs = await Promise.all(
			Array.from({ length: EXECUTIONS }, (_, i) => execution(sandbox, store, `shared-${i}`)),
		).finally(stop);
		for (const [i, run] of runs.entries()) {
			expect(run.nodeError).toBeUndefined();
			expect(run.json).toHaveLength(ITEMS);
			expect(stored(`shared-${i}`)).toBe(ITEMS);
		}
		expect(expiredAt).toBeGreaterThan(0);
		// requests of several executions were refused at the expiry…
		expect(posts().filter((p) => p.status === 401).length).toBeGreaterThan(1);
		// …yet the process logged in once at start (the credential had no session) and once after
		expect(logins().filter((l) => l.time < expiredAt)).toHaveLength(1);
		expect(logins().filter((l) => l.time >= expiredAt)).toHaveLength(1);
	});

	it('a session renewed by another process is taken from the stored credential, without a login', async () => {
		const { sandbox } = ctx;
		const store = passwordStore(sandbox);
		const warmUp = await execution(sandbox, store, 'warm-up');
		expect(warmUp.nodeError).toBeUndefined();
		expect(logins()).toHaveLength(1);
		const before = store.get(CREDENTIAL_NAME.password)!.authToken;
		// This process starts afresh; the other one logs in after the expiry and n8n stores its
		// session in the credential.
		clearSessionStates();
		sandbox.clearRequests();
		let renewed = '';
		const stop = afterPosts(ITEMS / 2, () => {
			sandbox.expireSessions();
			const { admin } = sandbox.fixtures;
			renewed = sandbox.state.createSession(
				admin._id,
				'password',
				'127.0.0.1',
				'other worker',
			).token;
			store.set(CREDENTIAL_NAME.password, {
				...store.get(CREDENTIAL_NAME.password)!,
				authToken: renewed,
				sessionUserId: admin._id,
			});
		});
		const run = await execution(sandbox, store, 'other-process').finally(stop);
		expect(run.nodeError).toBeUndefined();
		expect(stored('other-process')).toBe(ITEMS);
		expect(renewed).not.toBe('');
		expect(logins()).toHaveLength(0);
		const sent = posts().map((p) => p.headers['x-auth-token']);
		expect(sent[0]).toBe(before);
		expect(sent.at(-1)).toBe(renewed);
		expect(posts().filter((p) => p.status === 401)).toHaveLength(1);
	});
});
