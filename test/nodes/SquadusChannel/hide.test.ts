import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Hide', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.close';
	beforeEach(() => ctx.sandbox.clearRequests());

	it("hides the channel from the caller's list", async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const result = await runChannel(sandbox, { operation: 'hide', channel: byId(channel._id) });

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({ roomId: channel._id });
		expect(result.json).toEqual([{ success: true, roomId: channel._id }]);
		expect(sandbox.state.subscription(channel._id, sandbox.fixtures.admin._id)?.open).toBe(false);
	});

	it('looks a channel given by name up first', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		await runChannel(sandbox, { operation: 'hide', channel: byName(channel.name) });

		expect(sandbox.requests({ path: '/api/v1/channels.info' })[0].query).toEqual({
			roomName: channel.name,
		});
		expect(sandbox.requests({ path })[0].body).toEqual({ roomId: channel._id });
	});

	it('fails before any request when the channel is missing', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'hide', channel: byName(EMPTY) },
			'The parameter "Channel" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message when the caller is not in the channel', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		await expectFailure(
			sandbox,
			{ operation: 'hide', channel: byId(channel._id) },
			`The user/callee is not in the channel "${channel.name}".`,
			{ as: 'user' },
		);
	});
});
