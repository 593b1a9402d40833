import type { IDataObject } from 'n8n-workflow';

import { batching, expectBatchedInOrder } from '../batching';
import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const CREATE = '/api/v1/users.create';

const newUser = (n: string, overrides: IDataObject = {}) => ({
	operation: 'create',
	name: `New User ${n}`,
	username: `new.user${n}`,
	email: `new.user${n}@example.ru`,
	password: `Pw-${n}-secret!`,
	...overrides,
});

describe('Squadus User → Create', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('sends every field the manual shows and outputs the user without the password', async () => {
		const { sandbox } = ctx;
		const params = newUser('1', {
			additionalFields: {
				active: true,
				bio: 'Sales team',
				nickname: 'Vanya',
				statusText: 'First day',
				roles: ['user', 'bot'],
				customFields: { field: [{ key: 'department', value: 'Sales' }] },
				joinDefaultChannels: true,
				requirePasswordChange: true,
				sendWelcomeEmail: false,
				verified: true,
			},
		});
		const run = await runNode(sandbox, 'squadusUser', params);

		expect(run.nodeError).toBeUndefined();
		const [request] = sandbox.requests({ path: CREATE });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			name: 'New User 1',
			username: 'new.user1',
			email: 'new.user1@example.ru',
			password: 'Pw-1-secret!',
			active: true,
			bio: 'Sales team',
			nickname: 'Vanya',
			statusText: 'First day',
			roles: ['user', 'bot'],
			customFields: { department: 'Sales' },
			joinDefaultChannels: true,
			requirePasswordChange: true,
			sendWelcomeEmail: false,
			verified: true,
		});
		expect(run.json).toHaveLength(1);
		const [user] = run.json;
		expect(user).toMatchObject({
			username: 'new.user1',
			name: 'New User 1',
			roles: ['user', 'bot'],
		});
		expect(user._id).toBe(sandbox.state.userByUsername('new.user1')?._id);
		expect(user).not.toHaveProperty('password');
		expectNoSecrets(run, ['Pw-1-secret!', credentialsFor(sandbox).password as string]);
	});

	it('sends an empty password when "Set Random Password" is on (Rocket.Chat requires the key)', async () => {
		const { sandbox } = ctx;
		const run = await runNode(
			sandbox,
			'squadusUser',
			newUser('2', { password: '', additionalFields: { setRandomPassword: true } }),
		);
		expect(run.nodeError).toBeUndefined();
		const [request] = sandbox.requests({ path: CREATE });
		expect(request.body).toMatchObject({
			username: 'new.user2',
			setRandomPassword: true,
			password: '',
		});
		expect(request.status).toBe(200);
		expect(run.json[0].username).toBe('new.user2');
		// the server generated a password: the empty one does not log in
		const created = sandbox.state.userByUsername('new.user2')!;
		expect(sandbox.state.checkPassword(created, '')).toBe(false);
	});

	it.each([
		['an email that is not an address', { email: 'not-an-email' }, 'Email'],
		['a username with spaces', { username: 'new user' }, 'Username'],
		['an empty password', { password: '' }, 'Password'],
	])('rejects %s before any request, naming the parameter', async (_case, overrides, field) => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusUser', newUser('bad', overrides));
		expect(run.nodeError?.name).toBe('NodeOperationError');
		expect(run.nodeError?.message).toContain(`"${field}"`);
		expect(run.nodeError?.description).toBeTruthy();

		const tolerant = await runNode(sandbox, 'squadusUser', newUser('bad', overrides), {
			continueOnFail: true,
		});
		expect(tolerant.outputs.Squadus).toHaveLength(1);
		expect(tolerant.json[0].error).toContain(`"${field}"`);
		expect(tolerant.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('shows the server message for a duplicate username; Continue On Fail keeps the other items', async () => {
		const { sandbox } = ctx;
		const taken = sandbox.fixtures.user.username;
		const params = newUser('', { username: '={{ $json.u }}', email: '={{ $json.u }}@example.ru' });

		const stopped = await runNode(sandbox, 'squadusUser', params, {
			input: [{ u: 'new.user3' }, { u: taken }],
		});
		expect(stopped.nodeError?.name).toBe('NodeApiError');
		expect(stopped.nodeError?.message).toContain(taken);

		sandbox.clearRequests();
		const tolerant = await runNode(sandbox, 'squadusUser', params, {
			input: [{ u: 'new.user4' }, { u: taken }, { u: 'new.user6' }],
			continueOnFail: true,
		});
		const items = tolerant.outputs.Squadus;
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.username).toBe('new.user4');
		expect(items[1].json.error).toContain(taken);
		expect(items[2].json.username).toBe('new.user6');
		expect(sandbox.requests({ path: CREATE })).toHaveLength(3);
		expectNoSecrets(tolerant, [credentialsFor(sandbox).password as string]);
	});

	it('shows the 403 answer when a non-admin creates a user', async () => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusUser', newUser('5'), { as: 'user' });
		expect(run.nodeError?.name).toBe('NodeApiError');
		expect(run.nodeError?.message).toContain('permissions required');
		expect(sandbox.state.userByUsername('new.user5')).toBeUndefined();
		expectNoSecrets(run, [credentialsFor(sandbox, 'user').password as string, 'Pw-5-secret!']);
	});
});

describe('Squadus User → Create: Batching', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('creates 20 users 5 at a time: each request once, output in input order', async () => {
		const usernames = Array.from({ length: 20 }, (_, n) => `batch.user${n}`);
		await expectBatchedInOrder(ctx.sandbox, {
			node: 'squadusUser',
			parameters: {
				...newUser('0'),
				name: '={{ $json.username }}',
				username: '={{ $json.username }}',
				email: '={{ $json.username }}@example.ru',
				options: batching(5),
			},
			batchSize: 5,
			input: usernames.map((username) => ({ username })),
			path: CREATE,
			sent: (request) => request.body.username,
			output: (json) => json.username,
			expected: usernames,
		});
	});
});
