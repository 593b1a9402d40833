import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, byUsername, expectFailure, freshChannel, runChannel } from './setup';

type Role = 'owner' | 'moderator' | 'leader';

const cases: Array<{ operation: string; role: Role; add: boolean }> = [
	{ operation: 'addOwner', role: 'owner', add: true },
	{ operation: 'addModerator', role: 'moderator', add: true },
	{ operation: 'addLeader', role: 'leader', add: true },
	{ operation: 'removeOwner', role: 'owner', add: false },
	{ operation: 'removeModerator', role: 'moderator', add: false },
	{ operation: 'removeLeader', role: 'leader', add: false },
];

describe.each(cases)('Squadus Channel → $operation', ({ operation, role, add }) => {
	const ctx = useSandbox();
	const path = `/api/v1/channels.${operation}`;
	beforeEach(() => ctx.sandbox.clearRequests());

	/** A channel owned by the admin where ivan.petrov is a member (holding the role for removals). */
	const setUp = () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const channel = freshChannel(sandbox, { memberIds: [fixtures.user._id] });
		if (!add) state.subscription(channel._id, fixtures.user._id)!.roles.push(role);
		return channel;
	};
	const roles = (roomId: string) =>
		ctx.sandbox.state.subscription(roomId, ctx.sandbox.fixtures.user._id)!.roles;

	it(`sends { roomId, userId } and ${add ? 'grants' : 'takes away'} the role`, async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const channel = setUp();
		const result = await runChannel(sandbox, {
			operation,
			channel: byId(channel._id),
			user: byId(fixtures.user._id),
		});

		expect(result.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({ roomId: channel._id, userId: fixtures.user._id });
		expect(result.json).toEqual([
			{ success: true, roomId: channel._id, userId: fixtures.user._id },
		]);
		expect(roles(channel._id).includes(role)).toBe(add);
	});

	it('looks up a channel given by name and a user given by username', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const channel = setUp();
		const result = await runChannel(sandbox, {
			operation,
			channel: byName(`#${channel.name}`),
			user: byUsername(`@${fixtures.user.username}`),
		});

		expect(sandbox.requests({ path: '/api/v1/channels.info' })[0].query).toEqual({
			roomName: channel.name,
		});
		expect(sandbox.requests({ path: '/api/v1/users.info' })[0].query).toEqual({
			username: fixtures.user.username,
		});
		expect(sandbox.requests({ path })[0].body).toEqual({
			roomId: channel._id,
			userId: fixtures.user._id,
		});
		expect(result.json[0]).toMatchObject({ success: true });
		expect(roles(channel._id).includes(role)).toBe(add);
	});

	it('fails before any request when the user or the channel is missing', async () => {
		const { sandbox } = ctx;
		const channel = setUp();
		const run = await expectFailure(
			sandbox,
			{ operation, channel: byId(channel._id), user: byUsername(EMPTY) },
			'The parameter "User" is empty',
		);
		expect(run.nodeError?.name).toBe('NodeOperationError');
		await expectFailure(
			sandbox,
			{ operation, channel: byId(EMPTY), user: byId(sandbox.fixtures.user._id) },
			'The parameter "Channel" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces "Not allowed" for a user who does not own the channel', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const channel = freshChannel(sandbox, { memberIds: [fixtures.user._id, fixtures.bot._id] });
		const target = state.subscription(channel._id, fixtures.bot._id)!;
		if (!add) target.roles.push(role);
		const run = await expectFailure(
			sandbox,
			{ operation, channel: byId(channel._id), user: byId(fixtures.bot._id) },
			'Not allowed [error-not-allowed]',
			{ as: 'user' },
		);
		expect(run.nodeError?.name).toBe('NodeApiError');
		expect(target.roles.includes(role)).toBe(!add);
	});

	it('surfaces the server message for a user who is not in the channel', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		await expectFailure(
			sandbox,
			{ operation, channel: byId(channel._id), user: byId(sandbox.fixtures.bot._id) },
			add
				? 'User is not in this room [error-user-not-in-room]'
				: 'Invalid room [error-invalid-room]',
		);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation, channel: byId('no-such-room'), user: byId(sandbox.fixtures.user._id) },
			'does not match any channel [error-room-not-found]',
		);
	});
});
