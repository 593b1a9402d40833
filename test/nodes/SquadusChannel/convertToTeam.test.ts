import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Convert to Team', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.convertToTeam';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('sends channelId for a channel given by ID and returns the team', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, {
			operation: 'convertToTeam',
			channel: byId(channel._id),
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({ channelId: channel._id });
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ name: channel.name, roomId: channel._id });
		expect(sandbox.state.rooms.get(channel._id)?.teamMain).toBe(true);
	});

	it('sends channelName for a channel given by name, without a lookup', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		await runChannel(sandbox, { operation: 'convertToTeam', channel: byName(`#${channel.name}`) });

		expect(sandbox.requests({ path: '/api/v1/channels.info' })).toEqual([]);
		expect(sandbox.requests({ path })[0].body).toEqual({ channelName: channel.name });
	});

	it('fails before any request when the channel is missing', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'convertToTeam', channel: byId(EMPTY) },
			'The parameter "Channel" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'convertToTeam', channel: byName('no-such-channel') },
			'does not match any channel [error-room-not-found]',
		);
	});

	it('surfaces the server message for a channel that is already a team', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		sandbox.state.rooms.get(channel._id)!.teamMain = true;
		await expectFailure(
			sandbox,
			{ operation: 'convertToTeam', channel: byId(channel._id) },
			'team-name-already-exists',
		);
	});
});
