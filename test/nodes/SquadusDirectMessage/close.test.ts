import { useSandbox } from '../helpers';
import { errorItem, nodeRunner, rl } from '../SquadusChat/setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusDirectMessage');

describe('Squadus Direct Message: Close', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const close = (roomId: string, mode = 'list') => ({ operation: 'close', room: rl(roomId, mode) });
	/** An open direct message between two demo users. */
	const openDm = (a: string, b: string) => {
		const { state } = ctx.sandbox;
		const room = state.directRoom([a, b]) ?? state.createDirectRoom([user(a), user(b)]);
		for (const id of [a, b]) state.subscription(room._id, id)!.open = true;
		return room;
	};

	it('closes a direct message: POST /dm.close {roomId}, outputs success and the room ID', async () => {
		const { admin, user: ivan } = ctx.sandbox.fixtures;
		const dm = openDm(admin._id, ivan._id);

		const result = await run(close(dm._id));

		const [request] = ctx.sandbox.requests({ path: '/api/v1/dm.close' });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ roomId: dm._id });
		expect(result.json).toEqual([{ success: true, roomId: dm._id }]);
		expect(result.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
		expect(ctx.sandbox.state.subscription(dm._id, admin._id)?.open).toBe(false);
		expect(ctx.sandbox.state.subscription(dm._id, ivan._id)?.open).toBe(true);
	});

	it('runs with a personal access token', async () => {
		const { bot, user: ivan } = ctx.sandbox.fixtures;
		const dm = openDm(bot._id, ivan._id);

		const result = await run(close(dm._id, 'id'), { auth: 'accessToken', as: 'bot' });

		expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		expect(apiCalls()[0].headers['x-auth-token']).toBe(bot.personalAccessToken);
		expect(result.json).toEqual([{ success: true, roomId: dm._id }]);
		expect(ctx.sandbox.state.subscription(dm._id, bot._id)?.open).toBe(false);
	});

	it('fails before any request when the room resolves to nothing', async () => {
		const result = await run(close('={{ $json.none }}', 'id'));

		expect(result.nodeError?.name).toBe('NodeOperationError');
		expect(result.nodeError?.message).toBe('The parameter "Direct Message" is empty');
		expect(apiCalls()).toEqual([]);
	});

	it.each([
		[
			'a channel instead of a direct message',
			() => ctx.sandbox.fixtures.channels.general._id,
			'The required "roomId" param provided does not match any direct message [error-room-not-found]',
		],
		['an unknown room', () => 'NoSuchRoom1', 'The user is not subscribed to the room'],
		[
			'a direct message that is already closed',
			() => {
				const { admin, bot } = ctx.sandbox.fixtures;
				const dm = openDm(admin._id, bot._id);
				ctx.sandbox.state.subscription(dm._id, admin._id)!.open = false;
				return dm._id;
			},
			'The direct message room, is already closed to the sender',
		],
	])('surfaces the server’s message for %s', async (_name, roomId, message) => {
		const result = await run(close(roomId()));

		expect(apiCalls()).toHaveLength(1);
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe(message);
		expect(result.json).toEqual([]);
	});

	it('with Continue On Fail: one item per input item, with pairedItem', async () => {
		const { admin, totpUser } = ctx.sandbox.fixtures;
		const dm = openDm(admin._id, totpUser._id);

		const result = await run(close('={{ $json.room }}', 'id'), {
			input: [{ room: dm._id }, { room: dm._id }],
			continueOnFail: true,
		});

		expect(result.json).toEqual([
			{ success: true, roomId: dm._id },
			errorItem('The direct message room, is already closed to the sender'),
		]);
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});
});
