import { presentMessage } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { errorItem, nodeRunner } from './setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusChat');

describe('Squadus Chat: Pin and Unpin', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const fresh = () =>
		ctx.sandbox.state.addMessage(
			ctx.sandbox.fixtures.channels.general._id,
			user(ctx.sandbox.fixtures.user._id),
			{
				msg: 'закрепите',
			},
		);

	describe('Pin', () => {
		it('pins: POST /chat.pinMessage {messageId}, outputs the message', async () => {
			const message = fresh();

			const result = await run({ operation: 'pin', messageId: message._id });

			const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.pinMessage' });
			expect(request.method).toBe('POST');
			expect(request.body).toEqual({ messageId: message._id });
			expect(message.pinned).toBe(true);
			expect(result.json).toEqual([presentMessage(ctx.sandbox.state, message)]);
			expect(result.json[0]).toMatchObject({
				_id: message._id,
				pinned: true,
				pinnedBy: { username: 'admin' },
			});
		});

		it('runs with a personal access token', async () => {
			const message = fresh();
			const result = await run(
				{ operation: 'pin', messageId: message._id },
				{ auth: 'accessToken' },
			);

			expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
			expect(apiCalls()[0].headers['x-user-id']).toBe(ctx.sandbox.fixtures.admin._id);
			expect(result.json[0]).toMatchObject({ _id: message._id, pinned: true });
		});

		it('fails before any request when the message ID resolves to nothing', async () => {
			const result = await run({ operation: 'pin', messageId: '={{ $json.id }}' });

			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toBe('The parameter "Message ID" is empty');
			expect(apiCalls()).toEqual([]);
		});

		it('surfaces "not allowed" for a user who may not pin in the room', async () => {
			const message = fresh();
			const result = await run({ operation: 'pin', messageId: message._id }, { as: 'user' });

			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('Not allowed [error-action-not-allowed]');
			expect(message.pinned).toBeUndefined();
		});

		it('with Continue On Fail: one item per input item, with pairedItem', async () => {
			const message = fresh();
			const result = await run(
				{ operation: 'pin', messageId: '={{ $json.id }}' },
				{ input: [{ id: 'NoSuchMessage1' }, { id: message._id }], continueOnFail: true },
			);

			expect(result.json).toHaveLength(2);
			expect(result.json[0]).toEqual(
				errorItem(
					'The provided "messageId" does not match any existing message. [error-message-not-found]',
				),
			);
			expect(result.json[1]).toMatchObject({ _id: message._id, pinned: true });
			expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		});
	});

	describe('Unpin', () => {
		it('unpins: POST /chat.unPinMessage {messageId}, outputs success and the message ID', async () => {
			const message = fresh();
			message.pinned = true;

			const result = await run({ operation: 'unpin', messageId: message._id });

			const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.unPinMessage' });
			expect(request.method).toBe('POST');
			expect(request.body).toEqual({ messageId: message._id });
			expect(result.json).toEqual([{ success: true, messageId: message._id }]);
			expect(message.pinned).toBe(false);
		});

		it('runs with a personal access token', async () => {
			const message = fresh();
			const result = await run(
				{ operation: 'unpin', messageId: message._id },
				{ auth: 'accessToken' },
			);

			expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
			expect(result.json).toEqual([{ success: true, messageId: message._id }]);
		});

		it('fails before any request when the message ID resolves to nothing', async () => {
			const result = await run({ operation: 'unpin', messageId: '={{ "  " }}' });

			expect(result.nodeError?.message).toBe('The parameter "Message ID" is empty');
			expect(apiCalls()).toEqual([]);
		});

		it('surfaces the server’s message, with and without Continue On Fail', async () => {
			const stopped = await run({ operation: 'unpin', messageId: 'NoSuchMessage1' });
			expect(stopped.nodeError?.name).toBe('NodeApiError');
			expect(stopped.nodeError?.message).toBe(
				'The provided "messageId" does not match any existing message. [error-message-not-found]',
			);

			const message = fresh();
			const result = await run(
				{ operation: 'unpin', messageId: '={{ $json.id }}' },
				{ input: [{ id: message._id }, { id: message._id }], as: 'user', continueOnFail: true },
			);
			expect(result.json).toEqual([
				errorItem('Not allowed [error-action-not-allowed]'),
				errorItem('Not allowed [error-action-not-allowed]'),
			]);
			expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		});
	});
});
