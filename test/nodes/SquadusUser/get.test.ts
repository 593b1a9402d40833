import { credentialsFor, runNode, useSandbox } from '../helpers';
import { expectNoSecrets } from '../secrets';

const ctx = useSandbox();
const INFO = '/api/v1/users.info';

describe('Squadus User → Get', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('gets a user by ID', async () => {
		const { sandbox } = ctx;
		const { user } = sandbox.fixtures;
		const run = await runNode(sandbox, 'squadusUser', {
			operation: 'get',
			user: { __rl: true, mode: 'id', value: user._id },
		});
		expect(run.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path: INFO });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ userId: user._id });
		expect(run.json).toHaveLength(1);
		expect(run.json[0]).toMatchObject({ _id: user._id, username: user.username, name: user.name });
		expectNoSecrets(run, [user.password, credentialsFor(sandbox).password as string]);
	});

	it('gets a user by username (a leading @ is dropped) with their rooms', async () => {
		const { sandbox } = ctx;
		const { user } = sandbox.fixtures;
		const run = await runNode(sandbox, 'squadusUser', {
			operation: 'get',
			user: { __rl: true, mode: 'username', value: `@${user.username}` },
			options: { includeRooms: true },
		});
		expect(run.nodeError).toBeUndefined();
		const [request] = sandbox.requests({ path: INFO });
		expect(request.query).toEqual({ username: user.username, fields: '{"userRooms":1}' });
		expect(run.json[0]._id).toBe(user._id);
		expect(Array.isArray(run.json[0].rooms)).toBe(true);
	});

	it('fails for an unknown username; Continue On Fail returns one error item per input item', async () => {
		const { sandbox } = ctx;
		const params = {
			operation: 'get',
			user: { __rl: true, mode: 'username', value: '={{ $json.name }}' },
		};
		const input = [{ name: sandbox.fixtures.user.username }, { name: 'nobody.here' }];

		const stopped = await runNode(sandbox, 'squadusUser', params, { input });
		expect(stopped.nodeError?.name).toBe('NodeApiError');
		expect(stopped.nodeError?.message).toContain('does not match any users');

		const tolerant = await runNode(sandbox, 'squadusUser', params, { input, continueOnFail: true });
		const items = tolerant.outputs.Squadus;
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			json: { username: sandbox.fixtures.user.username },
			pairedItem: { item: 0 },
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.error).toContain('does not match any users');
	});
});
