import { useSandbox } from '../helpers';
import { EMPTY, byId, byUsername, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Kick User', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.kick';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('removes the user from the channel and returns the channel', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const channel = freshChannel(sandbox, { memberIds: [fixtures.user._id, fixtures.bot._id] });
		const result = await runChannel(sandbox, {
			operation: 'kickUser',
			channel: byId(channel._id),
			user: byUsername(fixtures.user.username),
		});

		expect(sandbox.requests({ path: '/api/v1/users.info' })[0].query).toEqual({
			username: fixtures.user.username,
		});
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({ roomId: channel._id, userId: fixtures.user._id });
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ _id: channel._id, usersCount: 2 });
		expect(state.subscription(channel._id, fixtures.user._id)).toBeUndefined();
	});

	it('fails before any request when the user is missing', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		await expectFailure(
			sandbox,
			{ operation: 'kickUser', channel: byId(channel._id), user: byId(EMPTY) },
			'The parameter "User" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for a user who is not in the channel', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		await expectFailure(
			sandbox,
			{ operation: 'kickUser', channel: byId(channel._id), user: byId(sandbox.fixtures.bot._id) },
			'User is not in this room [error-user-not-in-room]',
		);
	});

	it('surfaces "Not allowed" for a member without moderation rights', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const channel = freshChannel(sandbox, { memberIds: [fixtures.user._id, fixtures.bot._id] });
		await expectFailure(
			sandbox,
			{ operation: 'kickUser', channel: byId(channel._id), user: byId(fixtures.bot._id) },
			'Not allowed [error-not-allowed]',
			{ as: 'user' },
		);
		expect(state.subscription(channel._id, fixtures.bot._id)).toBeDefined();
	});
});
