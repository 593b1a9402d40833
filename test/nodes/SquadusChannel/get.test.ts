import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Get', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.info';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('gets a channel by ID', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, { operation: 'get', channel: byId(channel._id) });

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ roomId: channel._id });
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			_id: channel._id,
			name: channel.name,
			t: 'c',
			usersCount: 1,
		});
	});

	it('gets a channel by name (with or without #), one item per input item', async () => {
		const { sandbox } = ctx;
		const first = freshChannel(sandbox);
		const second = freshChannel(sandbox);
		const result = await runChannel(
			sandbox,
			{ operation: 'get', channel: byName('={{ $json.name }}') },
			{ input: [{ name: `#${first.name}` }, { name: second.name }] },
		);

		expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
			{ roomName: first.name },
			{ roomName: second.name },
		]);
		expect(result.json.map((item) => item._id)).toEqual([first._id, second._id]);
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it('fails before any request when the channel is missing', async () => {
		const { sandbox } = ctx;
		const run = await expectFailure(
			sandbox,
			{ operation: 'get', channel: byId(EMPTY) },
			'The parameter "Channel" is empty',
		);
		expect(run.nodeError?.name).toBe('NodeOperationError');
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'get', channel: byId('no-such-room') },
			'does not match any channel [error-room-not-found]',
		);
		expect(sandbox.requests({ path })).toHaveLength(3);
	});
});
