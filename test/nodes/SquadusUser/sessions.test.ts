import { passwordStore, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const SESSIONS = '/api/v1/users.active-sessions';
const TERMINATE = '/api/v1/users.active-sessions/terminate';
const TERMINATE_OTHER = '/api/v1/users.active-sessions/terminateOther';

/** A credential store for the demo user whose session the tests can see (n8n keeps it between runs). */
function userStore() {
	return passwordStore(ctx.sandbox, 'user');
}

/** Sessions of the demo user opened elsewhere (a phone, a browser). */
function openSessions(count: number) {
	const { state, fixtures } = ctx.sandbox;
	return Array.from({ length: count }, (_, n) =>
		state.createSession(fixtures.user._id, 'password', `10.0.0.${n + 1}`, 'Squadus Desktop'),
	);
}

const liveSessionIds = () =>
	[...ctx.sandbox.state.sessions.values()]
		.filter((session) => session.userId === ctx.sandbox.fixtures.user._id && !session.expired)
		.map((session) => session.id);

describe('Squadus User → sessions', () => {
	beforeEach(() => {
		const { sandbox } = ctx;
		sandbox.clearRequests();
		sandbox.clearFaults();
		for (const session of [...sandbox.state.sessions.values()]) {
			if (session.userId === sandbox.fixtures.user._id) sandbox.state.endSession(session);
		}
	});

	describe('Get Active Sessions', () => {
		it('returns one item per session and flags the one n8n uses', async () => {
			const { sandbox } = ctx;
			const others = openSessions(2);
			const run = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'getActiveSessions' },
				{
					as: 'user',
					store: userStore(),
				},
			);
			expect(run.nodeError).toBeUndefined();
			const [request] = sandbox.requests({ path: SESSIONS });
			expect(request.method).toBe('GET');
			expect(run.json).toHaveLength(3);
			expect(run.json.map((item) => item.id).sort()).toEqual(liveSessionIds().sort());
			const current = run.json.filter((item) => item.isCurrentSession === true);
			expect(current).toHaveLength(1);
			expect(others.map((session) => session.id)).not.toContain(current[0].id);
			expect(
				run.outputs.Squadus.every((item) => (item.pairedItem as { item: number }).item === 0),
			).toBe(true);
			expectNoSecrets(run, [
				sandbox.fixtures.user.password,
				...others.map((session) => session.token),
			]);
		});

		it('stops on a server error, or returns one error item with Continue On Fail', async () => {
			const { sandbox } = ctx;
			sandbox.fault({ path: SESSIONS, mode: '500', times: Infinity });
			const stopped = await runNode(sandbox, 'squadusUser', { operation: 'getActiveSessions' });
			expect(stopped.nodeError?.name).toBe('NodeApiError');
			const tolerant = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'getActiveSessions' },
				{
					continueOnFail: true,
				},
			);
			expect(tolerant.outputs.Squadus).toHaveLength(1);
			expect(tolerant.outputs.Squadus[0]).toMatchObject({ pairedItem: { item: 0 } });
			expect(tolerant.json[0].error).toBeTruthy();
		});
	});

	describe('Terminate Sessions', () => {
		it('ends the sessions given as a comma-separated list', async () => {
			const { sandbox } = ctx;
			const [a, b, keep] = openSessions(3);
			const run = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'terminateSessions', sessionIds: ` ${a.id}, ${b.id} ,` },
				{ as: 'user', store: userStore() },
			);
			expect(run.nodeError).toBeUndefined();
			const [request] = sandbox.requests({ path: TERMINATE });
			expect(request.method).toBe('POST');
			expect(request.body).toEqual({ sessionIds: [a.id, b.id] });
			expect(run.json).toEqual([{ success: true, sessionIds: [a.id, b.id] }]);
			expect(liveSessionIds()).toContain(keep.id);
			expect(liveSessionIds()).not.toContain(a.id);
			expect(liveSessionIds()).not.toContain(b.id);
		});

		it('accepts a list from an expression', async () => {
			const { sandbox } = ctx;
			const [a, b] = openSessions(2);
			const run = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'terminateSessions', sessionIds: '={{ $json.ids }}' },
				{ as: 'user', store: userStore(), input: [{ ids: [a.id, b.id] }] },
			);
			expect(run.nodeError).toBeUndefined();
			expect(sandbox.requests({ path: TERMINATE })[0].body).toEqual({ sessionIds: [a.id, b.id] });
		});

		it('rejects empty session IDs before any request', async () => {
			const { sandbox } = ctx;
			for (const sessionIds of ['', ' , ']) {
				const run = await runNode(sandbox, 'squadusUser', {
					operation: 'terminateSessions',
					sessionIds,
				});
				expect(run.nodeError?.name).toBe('NodeOperationError');
				expect(run.nodeError?.message).toContain('"Session IDs"');
			}
			expect(sandbox.requests()).toHaveLength(0);
		});

		it('stops on a server error, or returns one error item per input item with Continue On Fail', async () => {
			const { sandbox } = ctx;
			sandbox.fault({ path: TERMINATE, mode: '500', times: Infinity });
			const params = { operation: 'terminateSessions', sessionIds: 'abc' };
			const stopped = await runNode(sandbox, 'squadusUser', params);
			expect(stopped.nodeError?.name).toBe('NodeApiError');
			const tolerant = await runNode(sandbox, 'squadusUser', params, {
				continueOnFail: true,
				input: [{}, {}],
			});
			expect(tolerant.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
			expect(tolerant.json.every((item) => typeof item.error === 'string')).toBe(true);
		});
	});

	describe('Terminate All Other Sessions', () => {
		it('ends every session of the user except the one n8n uses', async () => {
			const { sandbox } = ctx;
			const others = openSessions(2);
			const store = userStore();
			const run = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'terminateOtherSessions' },
				{
					as: 'user',
					store,
				},
			);
			expect(run.nodeError).toBeUndefined();
			const [request] = sandbox.requests({ path: TERMINATE_OTHER });
			expect(request.method).toBe('POST');
			expect(run.json).toEqual([{ success: true }]);
			const live = liveSessionIds();
			expect(live).toHaveLength(1);
			expect(others.map((session) => session.id)).not.toContain(live[0]);

			// n8n's own session survived: the next run works without logging in again.
			const before = store.stats.preAuthentications;
			const next = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'getActiveSessions' },
				{
					as: 'user',
					store,
				},
			);
			expect(next.json).toHaveLength(1);
			expect(store.stats.preAuthentications).toBe(before);
		});

		it('stops on a server error, or returns one error item with Continue On Fail', async () => {
			const { sandbox } = ctx;
			sandbox.fault({ path: TERMINATE_OTHER, mode: '500', times: Infinity });
			const stopped = await runNode(sandbox, 'squadusUser', {
				operation: 'terminateOtherSessions',
			});
			expect(stopped.nodeError?.name).toBe('NodeApiError');
			const tolerant = await runNode(
				sandbox,
				'squadusUser',
				{ operation: 'terminateOtherSessions' },
				{
					continueOnFail: true,
				},
			);
			expect(tolerant.outputs.Squadus).toEqual([
				expect.objectContaining({
					pairedItem: { item: 0 },
					json: expect.objectContaining({ error: expect.any(String) }),
				}),
			]);
		});
	});
});
