import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const DELETE = '/api/v1/users.delete';
const INFO = '/api/v1/users.info';

describe('Squadus User → Delete', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	afterEach(() => ctx.sandbox.configure({ dialect: 'rocketchat' }));

	it.each([
		['ID', 'id', 'manual'],
		['username', 'username', 'manual'],
		['ID', 'id', 'rocketchat'],
		['username', 'username', 'rocketchat'],
	] as const)(
		'deletes a user given by %s, sending userID and userName in the query (%s dialect; Rocket.Chat: then userId in the body)',
		async (_label, mode, dialect) => {
			const { sandbox } = ctx;
			sandbox.configure({ dialect });
			const created = sandbox.createUser({
				username: `leaver.${mode}.${dialect}`,
				password: 'Leaver-pass-1',
			});
			const value = mode === 'id' ? created._id : created.username;

			const run = await runNode(sandbox, 'squadusUser', {
				operation: 'delete',
				user: { __rl: true, mode, value },
			});

			expect(run.nodeError).toBeUndefined();
			const [lookup] = sandbox.requests({ path: INFO });
			expect(lookup.query).toEqual(
				mode === 'id' ? { userId: created._id } : { username: created.username },
			);
			const deletes = sandbox.requests({ path: DELETE });
			expect(deletes[0].method).toBe('POST');
			expect(deletes[0].query).toEqual({ userID: created._id, userName: created.username });
			expect(deletes[0].body ?? {}).toEqual({});
			if (dialect === 'manual') {
				expect(deletes.map((r) => r.status)).toEqual([200]);
			} else {
				// Rocket.Chat reads the user from the body: error-user-param-not-provided, then the body
				expect(deletes.map((r) => r.status)).toEqual([400, 200]);
				expect(deletes[1].query).toEqual({});
				expect(deletes[1].body).toEqual({ userId: created._id });
			}
			expect(run.json).toEqual([
				{ deleted: true, userId: created._id, username: created.username },
			]);
			expect(sandbox.state.userById(created._id)).toBeUndefined();
			expectNoSecrets(run, [credentialsFor(sandbox).password as string]);
		},
	);

	it('fails for an unknown user without deleting anything, and with Continue On Fail returns one error item', async () => {
		const { sandbox } = ctx;
		const params = {
			operation: 'delete',
			user: { __rl: true, mode: 'username', value: 'nobody.here' },
		};

		const stopped = await runNode(sandbox, 'squadusUser', params);
		expect(stopped.nodeError?.name).toBe('NodeApiError');
		expect(stopped.nodeError?.message).toContain('does not match any users');

		const tolerant = await runNode(sandbox, 'squadusUser', params, { continueOnFail: true });
		expect(tolerant.outputs.Squadus).toEqual([
			expect.objectContaining({
				pairedItem: { item: 0 },
				json: expect.objectContaining({
					error: expect.stringContaining('does not match any users'),
				}),
			}),
		]);
		expect(sandbox.requests({ path: DELETE })).toHaveLength(0);
	});

	it('rejects an empty user before any request', async () => {
		const { sandbox } = ctx;
		const run = await runNode(
			sandbox,
			'squadusUser',
			{ operation: 'delete', user: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ id: '' }] },
		);
		expect(run.nodeError?.message).toContain('"User"');
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('shows the 403 answer when a non-admin deletes a user', async () => {
		const { sandbox } = ctx;
		const target = sandbox.fixtures.users.find((u) => u._id !== sandbox.fixtures.user._id)!;
		const run = await runNode(
			sandbox,
			'squadusUser',
			{ operation: 'delete', user: { __rl: true, mode: 'id', value: target._id } },
			{ as: 'user' },
		);
		expect(run.nodeError?.message).toContain('permissions required');
		expect(sandbox.state.userById(target._id)).toBeDefined();
	});
});
