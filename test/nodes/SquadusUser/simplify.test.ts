import { userFull } from '../../sandbox/present';
import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';
import { expectDrawnFrom } from '../simplify';

const ctx = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Squadus User: Simplify (node version 2)', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	/** The user as users.info presents them now. */
	const stored = (id: string) => userFull(ctx.sandbox.state.userById(id)!);

	it('Get at version 2 returns the simplified user by default: e-mail, roles and status', async () => {
		const { sandbox } = ctx;
		const { user } = sandbox.fixtures;
		const record = sandbox.state.userById(user._id)!;

		const result = await runNode(
			sandbox,
			'squadusUser',
			{ operation: 'get', user: byId(user._id) },
			{ typeVersion: 2 },
		);

		expect(sandbox.requests({ path: '/api/v1/users.info' })[0].query).toEqual({
			userId: user._id,
		});
		expect(result.json).toEqual([
			{
				_id: user._id,
				username: record.username,
				name: record.name,
				type: record.type,
				active: record.active,
				roles: record.roles,
				status: record.status,
				email: record.emails[0].address,
			},
		]);
		expectDrawnFrom(result.json[0], stored(user._id));
	});

	it('Get at version 2 with Simplify off, and at version 1, return the raw user', async () => {
		const { sandbox } = ctx;
		const { user } = sandbox.fixtures;
		const parameters = { operation: 'get', user: byId(user._id) };

		const off = await runNode(
			sandbox,
			'squadusUser',
			{ ...parameters, simplify: false },
			{ typeVersion: 2 },
		);
		const v1 = await runNode(sandbox, 'squadusUser', { ...parameters, simplify: true });

		expect(off.json).toEqual([stored(user._id)]);
		expect(v1.json).toEqual([stored(user._id)]);
	});

	it('Create at version 2 returns the new user simplified, without the password', async () => {
		const { sandbox } = ctx;
		const suffix = Math.random().toString(36).slice(2, 8);
		const password = `Pw-${suffix}-secret!`;

		const result = await runNode(
			sandbox,
			'squadusUser',
			{
				operation: 'create',
				name: `Simple ${suffix}`,
				username: `simple.${suffix}`,
				email: `simple.${suffix}@example.ru`,
				password,
				additionalFields: { roles: ['user', 'bot'] },
			},
			{ typeVersion: 2 },
		);

		expect(sandbox.requests({ path: '/api/v1/users.create' })[0].body).toMatchObject({
			username: `simple.${suffix}`,
			password,
		});
		const id = String(result.json[0]._id);
		const record = sandbox.state.userById(id)!;
		expect(result.json).toEqual([
			{
				_id: id,
				username: `simple.${suffix}`,
				name: `Simple ${suffix}`,
				type: record.type,
				active: record.active,
				roles: ['user', 'bot'],
				status: record.status,
				email: `simple.${suffix}@example.ru`,
			},
		]);
		expectDrawnFrom(result.json[0], stored(id));
		expectNoSecrets(result, [password, credentialsFor(sandbox).password as string]);
	});
});
