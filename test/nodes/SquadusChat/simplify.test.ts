import { presentMessage } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { expectDrawnFrom } from '../simplify';
import { nodeRunner, rl } from './setup';

const ctx = useSandbox();
const { run } = nodeRunner(ctx, 'squadusChat');

/** The message as the server presents it now. */
const stored = (id: unknown) => {
	const message = ctx.sandbox.state.messages.get(String(id));
	if (!message) throw new Error(`message ${String(id)} does not exist`);
	return presentMessage(ctx.sandbox.state, message);
};

describe('Squadus Chat: Simplify (node version 2)', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const send = (extra: object = {}) => ({
		operation: 'send',
		sendTo: 'channel',
		channel: rl(ctx.sandbox.fixtures.channels.general._id),
		text: 'Сборка 1.8.0 готова',
		...extra,
	});

	it('Send Message at version 2 returns the simplified message by default; the request is the same as version 1’s', async () => {
		const { admin, channels } = ctx.sandbox.fixtures;
		const attachments = {
			attachment: [
				{ title: 'Отчёт', titleLink: 'https://example.com/r', text: 'Готово', color: '#36a64f' },
			],
		};

		const v2 = await run(send({ attachments }), { typeVersion: 2 });
		const v1 = await run(send({ attachments }));

		const [request2, request1] = ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' });
		expect(request2.body).toEqual(request1.body);
		const raw = stored(v2.json[0]._id);
		expect(v2.json).toEqual([
			{
				_id: raw._id,
				rid: channels.general._id,
				msg: 'Сборка 1.8.0 готова',
				ts: raw.ts,
				u: {
					_id: admin._id,
					username: admin.username,
					name: raw.u && (raw.u as { name: string }).name,
				},
				attachments: [{ title: 'Отчёт', title_link: 'https://example.com/r', text: 'Готово' }],
			},
		]);
		expectDrawnFrom(v2.json[0], raw);
		expect(v1.json).toEqual([stored(v1.json[0]._id)]);
		expect(v2.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
	});

	it('Get Message at version 2 with Simplify off returns the raw message', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;

		const result = await run(
			{ operation: 'get', messageId: welcome._id, simplify: false },
			{
				typeVersion: 2,
			},
		);

		expect(ctx.sandbox.requests({ path: '/api/v1/chat.getMessage' })[0].query).toEqual({
			msgId: welcome._id,
		});
		expect(result.json).toEqual([stored(welcome._id)]);
	});

	it('Get Message at version 1 has no Simplify: the message stays raw even when the parameter is saved', async () => {
		const { welcome } = ctx.sandbox.fixtures.messages;

		const result = await run({ operation: 'get', messageId: welcome._id, simplify: true });

		expect(result.json).toEqual([stored(welcome._id)]);
	});

	it('Pin at version 2 simplifies the pinned message it answers with', async () => {
		const { admin, channels } = ctx.sandbox.fixtures;
		const message = ctx.sandbox.state.addMessage(
			channels.general._id,
			ctx.sandbox.state.userById(admin._id)!,
			{
				msg: 'Закрепить это',
			},
		);

		const result = await run({ operation: 'pin', messageId: message._id }, { typeVersion: 2 });

		expect(ctx.sandbox.requests({ path: '/api/v1/chat.pinMessage' })[0].body).toEqual({
			messageId: message._id,
		});
		const raw = stored(message._id);
		expect(result.json).toEqual([
			{
				_id: message._id,
				rid: channels.general._id,
				msg: 'Закрепить это',
				ts: raw.ts,
				u: { _id: admin._id, username: admin.username, name: message.u.name },
				pinned: true,
			},
		]);
		expectDrawnFrom(result.json[0], raw);
	});
});
