import { batching, expectBatchedInOrder } from '../batching';
import { useSandbox } from '../helpers';
import { errorItem, nodeRunner } from './setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusChat');

describe('Squadus Chat: Star and Unstar', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	/** A message in #random, where the bot is not a member. */
	const fresh = () =>
		ctx.sandbox.state.addMessage(
			ctx.sandbox.fixtures.channels.random._id,
			user(ctx.sandbox.fixtures.admin._id),
			{
				msg: 'отметьте',
			},
		);

	describe.each([
		['star', '/api/v1/chat.starMessage', true],
		['unstar', '/api/v1/chat.unStarMessage', false],
	] as const)('%s', (operation, path, starred) => {
		it(`${operation}s: POST ${path} {messageId}, outputs success and the message ID`, async () => {
			const ivan = ctx.sandbox.fixtures.user._id;
			const message = fresh();
			if (!starred) message.starredBy.push(ivan);

			const result = await run({ operation, messageId: message._id }, { as: 'user' });

			const [request] = ctx.sandbox.requests({ path });
			expect(request.method).toBe('POST');
			expect(request.body).toEqual({ messageId: message._id });
			expect(result.json).toEqual([{ success: true, messageId: message._id }]);
			expect(message.starredBy.includes(ivan)).toBe(starred);
		});

		it('runs with a personal access token', async () => {
			const message = fresh();
			const result = await run({ operation, messageId: message._id }, { auth: 'accessToken' });

			expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
			expect(apiCalls()[0].headers['x-auth-token']).toBe(
				ctx.sandbox.fixtures.admin.personalAccessToken,
			);
			expect(result.json).toEqual([{ success: true, messageId: message._id }]);
			expect(message.starredBy.includes(ctx.sandbox.fixtures.admin._id)).toBe(starred);
		});

		it('fails before any request when the message ID resolves to nothing', async () => {
			const result = await run({ operation, messageId: '={{ $json.id }}' });

			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toBe('The parameter "Message ID" is empty');
			expect(apiCalls()).toEqual([]);
		});

		it('surfaces "not allowed" for a user who is not in the room', async () => {
			const result = await run({ operation, messageId: fresh()._id }, { as: 'bot' });

			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('Not allowed [error-action-not-allowed]');
		});

		it('with Continue On Fail: one item per input item, with pairedItem', async () => {
			const message = fresh();
			const result = await run(
				{ operation, messageId: '={{ $json.id }}' },
				{ input: [{ id: message._id }, { id: 'NoSuchMessage1' }], continueOnFail: true },
			);

			expect(ctx.sandbox.requests({ path }).map((r) => r.body)).toEqual([
				{ messageId: message._id },
				{ messageId: 'NoSuchMessage1' },
			]);
			expect(result.json).toEqual([
				{ success: true, messageId: message._id },
				errorItem(
					'The provided "messageId" does not match any existing message. [error-message-not-found]',
				),
			]);
			expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		});
	});
});

describe('Squadus Chat: Batching', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('stars 20 messages 5 at a time: each request once, output in input order', async () => {
		const { sandbox } = ctx;
		const ids = sandbox.addMessages(sandbox.fixtures.channels.general._id, 20);
		await expectBatchedInOrder(sandbox, {
			node: 'squadusChat',
			parameters: { operation: 'star', messageId: '={{ $json.id }}', options: batching(5) },
			batchSize: 5,
			input: ids.map((id) => ({ id })),
			path: '/api/v1/chat.starMessage',
			sent: (request) => request.body.messageId,
			output: (json) => json.messageId,
			expected: ids,
		});
	});
});
