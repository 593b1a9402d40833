import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Add All Users', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.addAll';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('adds every active user and returns the channel', async () => {
		const { sandbox } = ctx;
		const { state, fixtures } = sandbox;
		const inactive = sandbox.createUser({
			username: `inactive.${Date.now()}`,
			password: 'Secret-123',
		});
		state.userById(inactive._id)!.active = false;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, {
			operation: 'addAllUsers',
			channel: byId(channel._id),
			activeUsersOnly: true,
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({ roomId: channel._id, activeUsersOnly: true });
		const active = [...state.users.values()].filter((user) => user.active);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ _id: channel._id, usersCount: active.length });
		expect(state.subscription(channel._id, fixtures.user._id)).toBeDefined();
		expect(state.subscription(channel._id, inactive._id)).toBeUndefined();
	});

	it('sends activeUsersOnly false by default, looking a named channel up first', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, {
			operation: 'addAllUsers',
			channel: byName(channel.name),
		});

		expect(sandbox.requests({ path: '/api/v1/channels.info' })[0].query).toEqual({
			roomName: channel.name,
		});
		expect(sandbox.requests({ path })[0].body).toEqual({
			roomId: channel._id,
			activeUsersOnly: false,
		});
		expect(result.json[0].usersCount).toBe(sandbox.state.users.size);
	});

	it('fails before any request when the channel is missing', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'addAllUsers', channel: byId(EMPTY) },
			'The parameter "Channel" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces "Not allowed" for a non-admin user', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox, { owner: 'user' });
		const run = await expectFailure(
			sandbox,
			{ operation: 'addAllUsers', channel: byId(channel._id) },
			'Not allowed [error-not-allowed]',
			{ as: 'user' },
		);
		expect(run.nodeError?.name).toBe('NodeApiError');
		expect(sandbox.state.memberCount(channel._id)).toBe(1);
	});
});
