import { presentMessage } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { errorItem, nodeRunner } from './setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusChat');

describe('Squadus Chat: Get Message', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const get = (messageId: string) => ({ operation: 'get', messageId });

	it('gets a message: GET /chat.getMessage?msgId=, outputs the message itself', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;

		const result = await run(get(welcome._id), { as: 'user' });

		const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.getMessage' });
		expect(request.method).toBe('GET');
		expect(request.query).toEqual({ msgId: welcome._id });
		expect(result.json).toEqual([
			presentMessage(ctx.sandbox.state, ctx.sandbox.state.messages.get(welcome._id)!),
		]);
		expect(result.json[0]).toMatchObject({
			_id: welcome._id,
			rid: welcome.rid,
			u: { username: 'admin' },
		});
	});

	it('runs with a personal access token', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;
		const result = await run(get(welcome._id), { auth: 'accessToken' });

		expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		expect(apiCalls()[0].headers['x-auth-token']).toBe(
			ctx.sandbox.fixtures.admin.personalAccessToken,
		);
		expect(result.json[0]._id).toBe(welcome._id);
	});

	it('fails before any request when the message ID resolves to nothing', async () => {
		const result = await run(get('={{ $json.id }}'));

		expect(result.nodeError?.name).toBe('NodeOperationError');
		expect(result.nodeError?.message).toBe('The parameter "Message ID" is empty');
		expect(apiCalls()).toEqual([]);
	});

	it('surfaces the server’s message for an unknown message', async () => {
		const result = await run(get('NoSuchMessage1'));

		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe(
			'The provided "messageId" does not match any existing message. [error-message-not-found]',
		);
		expect(result.json).toEqual([]);
	});

	it('surfaces "not allowed" for a message in a private room the user is not in', async () => {
		const admin = user(ctx.sandbox.fixtures.admin._id);
		const board = ctx.sandbox.state.createRoom({ t: 'p', name: 'board-get', creator: admin });
		const secret = ctx.sandbox.state.addMessage(board._id, admin, { msg: 'секрет' });

		const result = await run(get(secret._id), { as: 'user' });

		expect(apiCalls()[0].query).toEqual({ msgId: secret._id });
		expect(result.nodeError?.message).toBe('Not allowed [error-action-not-allowed]');
	});

	it('with Continue On Fail: one item per input item, with pairedItem', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;
		const result = await run(get('={{ $json.id }}'), {
			input: [{ id: welcome._id }, { id: 'NoSuchMessage1' }],
			continueOnFail: true,
		});

		expect(result.json).toHaveLength(2);
		expect(result.json[0]._id).toBe(welcome._id);
		expect(result.json[1]).toEqual(
			errorItem(
				'The provided "messageId" does not match any existing message. [error-message-not-found]',
			),
		);
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});
});
