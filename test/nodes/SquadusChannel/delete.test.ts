import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Delete', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.delete';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('deletes the channel and returns { deleted: true }', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, { operation: 'delete', channel: byId(channel._id) });

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({ roomId: channel._id });
		expect(result.json).toEqual([{ deleted: true }]);
		expect(sandbox.state.rooms.has(channel._id)).toBe(false);
	});

	it('looks a channel given by name up first', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, {
			operation: 'delete',
			channel: byName(channel.name),
		});

		expect(sandbox.requests({ path: '/api/v1/channels.info' })[0].query).toEqual({
			roomName: channel.name,
		});
		expect(sandbox.requests({ path })[0].body).toEqual({ roomId: channel._id });
		expect(result.json).toEqual([{ deleted: true }]);
	});

	it('fails before any request when the channel is missing', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'delete', channel: byId(EMPTY) },
			'The parameter "Channel" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces "Not allowed" when a non-admin deletes a channel it does not own', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox, { memberIds: [sandbox.fixtures.user._id] });
		const run = await expectFailure(
			sandbox,
			{ operation: 'delete', channel: byId(channel._id) },
			'Not allowed [error-not-allowed]',
			{ as: 'user' },
		);
		expect(run.nodeError?.name).toBe('NodeApiError');
		expect(sandbox.state.rooms.has(channel._id)).toBe(true);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'delete', channel: byId('gone-room') },
			'does not match any channel [error-room-not-found]',
		);
	});
});
