import { presentMessage } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { errorItem, nodeRunner, rl } from './setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusChat');

describe('Squadus Chat: Delete Message', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const post = (rid: string, authorId: string, msg = 'удалить меня') =>
		ctx.sandbox.state.addMessage(rid, user(authorId), { msg });
	const remove = (roomId: string, messageId: string, extra: object = {}) => ({
		operation: 'delete',
		room: rl(roomId, 'list'),
		messageId,
		...extra,
	});

	it('deletes a message: POST /chat.delete {msgId, roomId, asUser}, outputs deleted: true', async () => {
		const { general } = ctx.sandbox.fixtures.channels;
		const message = post(general._id, ctx.sandbox.fixtures.admin._id);
		const before = presentMessage(ctx.sandbox.state, message);

		const result = await run(remove(general._id, ` ${message._id} `));

		const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.delete' });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ msgId: message._id, roomId: general._id, asUser: false });
		expect(result.json).toEqual([
			{ deleted: true, _id: message._id, ts: expect.any(String), message: before },
		]);
		expect(ctx.sandbox.state.messages.has(message._id)).toBe(false);
	});

	it('deletes on behalf of the author with As User', async () => {
		const { general } = ctx.sandbox.fixtures.channels;
		const message = post(general._id, ctx.sandbox.fixtures.user._id);

		const result = await run(remove(general._id, message._id, { options: { asUser: true } }));

		expect(apiCalls()[0].body).toEqual({ msgId: message._id, roomId: general._id, asUser: true });
		expect(result.json[0]).toMatchObject({ deleted: true, _id: message._id });
		expect(ctx.sandbox.state.messages.has(message._id)).toBe(false);
	});

	it('runs with a personal access token', async () => {
		const { dev } = ctx.sandbox.fixtures.channels;
		const ivan = ctx.sandbox.fixtures.user;
		const message = post(dev._id, ivan._id);

		const result = await run(remove(dev._id, message._id), { auth: 'accessToken', as: 'user' });

		expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		expect(apiCalls()[0].headers['x-user-id']).toBe(ivan._id);
		expect(result.json[0]).toMatchObject({ deleted: true, _id: message._id });
	});

	it('fails before any request when the message ID resolves to nothing', async () => {
		const { general } = ctx.sandbox.fixtures.channels;
		const result = await run(remove(general._id, '={{ $json.id }}'));

		expect(result.nodeError?.name).toBe('NodeOperationError');
		expect(result.nodeError?.message).toBe('The parameter "Message ID" is empty');
		expect(apiCalls()).toEqual([]);
	});

	it('surfaces the server’s message when the room does not hold the message', async () => {
		const { general, random } = ctx.sandbox.fixtures.channels;
		const message = post(general._id, ctx.sandbox.fixtures.admin._id);

		const result = await run(remove(random._id, message._id));

		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe(
			'The room id provided does not match where the message is from.',
		);
		expect(ctx.sandbox.state.messages.has(message._id)).toBe(true);
	});

	it('surfaces "not allowed" when deleting someone else’s message without the right', async () => {
		const { general } = ctx.sandbox.fixtures.channels;
		const message = post(general._id, ctx.sandbox.fixtures.admin._id);

		const result = await run(remove(general._id, message._id), { as: 'user' });

		expect(result.nodeError?.message).toBe('Not allowed [error-action-not-allowed]');
		expect(ctx.sandbox.state.messages.has(message._id)).toBe(true);
	});

	it('with Continue On Fail: one item per input item, with pairedItem', async () => {
		const { general } = ctx.sandbox.fixtures.channels;
		const message = post(general._id, ctx.sandbox.fixtures.admin._id);

		const result = await run(remove(general._id, '={{ $json.id }}'), {
			input: [{ id: 'NoSuchMessage1' }, { id: message._id }, { id: '' }],
			continueOnFail: true,
		});

		expect(ctx.sandbox.requests({ path: '/api/v1/chat.delete' }).map((r) => r.body.msgId)).toEqual([
			'NoSuchMessage1',
			message._id,
		]);
		expect(result.json).toHaveLength(3);
		expect(result.json[0]).toEqual(errorItem('No message found with the id of "NoSuchMessage1".'));
		expect(result.json[1]).toMatchObject({ deleted: true, _id: message._id });
		expect(result.json[2]).toEqual(errorItem('The parameter "Message ID" is empty'));
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});
