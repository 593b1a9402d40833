import { useSandbox } from '../helpers';
import { errorItem, nodeRunner } from './setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusChat');

describe('Squadus Chat: Report', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const report = (messageId: string, description = 'Спам со ссылкой на фишинг') => ({
		operation: 'report',
		messageId,
		description,
	});

	it('reports: POST /chat.reportMessage {messageId, description}, outputs success and the message ID', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;

		const result = await run(report(welcome._id), { as: 'user' });

		const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.reportMessage' });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			messageId: welcome._id,
			description: 'Спам со ссылкой на фишинг',
		});
		expect(result.json).toEqual([{ success: true, messageId: welcome._id }]);
		expect(ctx.sandbox.state.reports.at(-1)).toMatchObject({
			messageId: welcome._id,
			description: 'Спам со ссылкой на фишинг',
			reportedBy: ctx.sandbox.fixtures.user._id,
		});
	});

	it('runs with a personal access token', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;
		const result = await run(report(welcome._id), { auth: 'accessToken', as: 'bot' });

		expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		expect(apiCalls()[0].headers['x-user-id']).toBe(ctx.sandbox.fixtures.bot._id);
		expect(result.json).toEqual([{ success: true, messageId: welcome._id }]);
	});

	it.each([
		['message ID', report('={{ $json.none }}'), 'The parameter "Message ID" is empty'],
		[
			'description',
			report('k8fQ3oT6KQaXe5zbu', '={{ $json.none }}'),
			'The parameter "Description" is empty',
		],
	])(
		'fails before any request when the %s resolves to nothing',
		async (_name, parameters, message) => {
			const result = await run(parameters);

			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toBe(message);
			expect(apiCalls()).toEqual([]);
		},
	);

	it('surfaces the server’s message for an unknown message', async () => {
		const result = await run(report('NoSuchMessage1'));

		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('Invalid message id [error-invalid-message_id]');
	});

	it('surfaces "not allowed" for a message in a private room the user is not in', async () => {
		const admin = user(ctx.sandbox.fixtures.admin._id);
		const board = ctx.sandbox.state.createRoom({ t: 'p', name: 'board-report', creator: admin });
		const secret = ctx.sandbox.state.addMessage(board._id, admin, { msg: 'секрет' });

		const result = await run(report(secret._id), { as: 'user' });

		expect(result.nodeError?.message).toBe('Not allowed [error-not-allowed]');
	});

	it('with Continue On Fail: one item per input item, with pairedItem', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;
		const result = await run(report('={{ $json.id }}', '={{ $json.why }}'), {
			input: [
				{ id: 'NoSuchMessage1', why: 'спам' },
				{ id: welcome._id, why: '' },
				{ id: welcome._id, why: 'спам' },
			],
			continueOnFail: true,
		});

		expect(ctx.sandbox.requests({ path: '/api/v1/chat.reportMessage' })).toHaveLength(2);
		expect(result.json).toEqual([
			errorItem('Invalid message id [error-invalid-message_id]'),
			{ error: 'The parameter "Description" is empty', description: expect.any(String) },
			{ success: true, messageId: welcome._id },
		]);
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});
