import { DEMO_SECRETS } from '../../sandbox';
import { presentMessage } from '../../sandbox/present';
import { useSandbox } from '../helpers';
import { errorItem, nodeRunner, rl } from './setup';

const ctx = useSandbox();
const { run, apiCalls, user } = nodeRunner(ctx, 'squadusChat');

const send = (target: object, extra: object = {}) => ({
	operation: 'send',
	text: 'Сборка 1.7.43 готова',
	...target,
	...extra,
});
const toChannel = (value: string, mode = 'name') => ({
	sendTo: 'channel',
	channel: rl(value, mode),
});

describe('Squadus Chat: Send Message', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	/** The stored message as the server presents it. */
	const stored = (id: unknown) => {
		const message = ctx.sandbox.state.messages.get(String(id));
		if (!message) throw new Error(`message ${String(id)} was not stored`);
		return presentMessage(ctx.sandbox.state, message);
	};

	it('posts to a channel by name as `channel: #name` and outputs the message', async () => {
		const { general } = ctx.sandbox.fixtures.channels;
		const result = await run(send(toChannel('#general')));

		expect(result.nodeError).toBeUndefined();
		const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ channel: '#general', text: 'Сборка 1.7.43 готова' });
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toEqual(stored(result.json[0]._id));
		expect(result.json[0]).toMatchObject({
			rid: general._id,
			msg: 'Сборка 1.7.43 готова',
			u: { username: 'admin' },
		});
		expect(result.json[0]).not.toHaveProperty('success');
		expect(result.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
	});

	it('posts to a channel picked from the list (or by ID) as `roomId`', async () => {
		const { dev } = ctx.sandbox.fixtures.channels;
		for (const mode of ['list', 'id']) {
			ctx.sandbox.clearRequests();
			const result = await run(send(toChannel(dev._id, mode), { text: `from ${mode}` }));
			expect(ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' })[0].body).toEqual({
				roomId: dev._id,
				text: `from ${mode}`,
			});
			expect(result.json[0]).toMatchObject({ rid: dev._id, msg: `from ${mode}` });
		}
	});

	it('sends a direct message to a user by username as `channel: @username`', async () => {
		const ivan = ctx.sandbox.fixtures.user;
		const result = await run(send({ sendTo: 'user', user: rl('@ivan.petrov', 'username') }));

		expect(apiCalls().map((request) => request.path)).toEqual(['/api/v1/chat.postMessage']);
		expect(apiCalls()[0].body).toEqual({ channel: '@ivan.petrov', text: 'Сборка 1.7.43 готова' });
		const room = ctx.sandbox.state.rooms.get(String(result.json[0].rid));
		expect(room?.t).toBe('d');
		expect(room?.uids).toEqual(expect.arrayContaining([ivan._id, ctx.sandbox.fixtures.admin._id]));
		expect(result.json[0]).toEqual(stored(result.json[0]._id));
	});

	it('looks up the username of a user given by ID, then sends the direct message', async () => {
		const anna = ctx.sandbox.fixtures.users.find((u) => u.username === 'anna.smirnova')!;
		const result = await run(send({ sendTo: 'user', user: rl(anna._id, 'list') }));

		const calls = apiCalls();
		expect(calls.map((request) => [request.method, request.path])).toEqual([
			['GET', '/api/v1/users.info'],
			['POST', '/api/v1/chat.postMessage'],
		]);
		expect(calls[0].query).toEqual({ userId: anna._id });
		expect(calls[1].body).toEqual({ channel: '@anna.smirnova', text: 'Сборка 1.7.43 готова' });
		expect(ctx.sandbox.state.rooms.get(String(result.json[0].rid))?.usernames).toEqual([
			'admin',
			'anna.smirnova',
		]);
	});

	it('posts to a room by ID as `roomId`', async () => {
		const dm = ctx.sandbox.state.createDirectRoom([
			user(ctx.sandbox.fixtures.admin._id),
			user(ctx.sandbox.fixtures.bot._id),
		]);
		const result = await run(send({ sendTo: 'room', room: rl(dm._id) }));

		expect(apiCalls()[0].body).toEqual({ roomId: dm._id, text: 'Сборка 1.7.43 готова' });
		expect(result.json[0]).toMatchObject({ rid: dm._id, msg: 'Сборка 1.7.43 готова' });
	});

	it('builds attachments from the fields in the API’s shape', async () => {
		const attachment = {
			title: 'Отчёт',
			titleLink: 'https://ci.example.ru/builds/43',
			text: 'Все тесты прошли',
			color: '#36a64f',
			imageUrl: 'https://ci.example.ru/chart.png',
			audioUrl: 'https://ci.example.ru/a.mp3',
			videoUrl: 'https://ci.example.ru/v.mp4',
			thumbUrl: 'https://ci.example.ru/thumb.png',
			authorName: 'CI',
			authorLink: 'https://ci.example.ru',
			authorIcon: 'https://ci.example.ru/icon.png',
			collapsed: true,
			messageLink: 'https://ci.example.ru/builds/43/log',
			timestamp: '2026-03-08T10:00:00Z',
			fields: {
				field: [
					{ short: true, title: 'Статус', value: 'OK' },
					{ short: false, title: 'Длительность', value: '4 мин' },
				],
			},
		};
		const result = await run(
			send(toChannel('general'), {
				attachmentsInput: 'fields',
				attachments: { attachment: [attachment, { title: '', text: '  ' }] },
			}),
		);

		expect(result.nodeError).toBeUndefined();
		const expected = [
			{
				title: 'Отчёт',
				title_link: 'https://ci.example.ru/builds/43',
				text: 'Все тесты прошли',
				color: '#36a64f',
				image_url: 'https://ci.example.ru/chart.png',
				audio_url: 'https://ci.example.ru/a.mp3',
				video_url: 'https://ci.example.ru/v.mp4',
				thumb_url: 'https://ci.example.ru/thumb.png',
				author_name: 'CI',
				author_link: 'https://ci.example.ru',
				author_icon: 'https://ci.example.ru/icon.png',
				collapsed: true,
				message_link: 'https://ci.example.ru/builds/43/log',
				ts: '2026-03-08T10:00:00.000Z',
				fields: [
					{ short: true, title: 'Статус', value: 'OK' },
					{ short: false, title: 'Длительность', value: '4 мин' },
				],
			},
		];
		expect(apiCalls()[0].body).toEqual({
			channel: '#general',
			text: 'Сборка 1.7.43 готова',
			attachments: expected,
		});
		expect(result.json[0].attachments).toEqual(expected);
	});

	it('takes attachments as JSON, and sends a message with attachments and no text', async () => {
		const attachments = [
			{
				title: 'Только вложение',
				color: 'danger',
				fields: [{ short: true, title: 'a', value: 'b' }],
			},
		];
		const result = await run(
			send(toChannel('general'), {
				text: '',
				attachmentsInput: 'json',
				attachmentsJson: JSON.stringify(attachments),
			}),
		);

		expect(result.nodeError).toBeUndefined();
		expect(apiCalls()[0].body).toEqual({ channel: '#general', text: '', attachments });
		expect(result.json[0]).toMatchObject({ msg: '', attachments });
	});

	it('sends the alias, emoji and avatar options (as a bot)', async () => {
		const options = { alias: 'Сборщик', emoji: ':robot:', avatar: 'https://ci.example.ru/bot.png' };
		const result = await run(send(toChannel('general'), { options }), { as: 'bot' });

		expect(apiCalls()[0].body).toEqual({
			channel: '#general',
			text: 'Сборка 1.7.43 готова',
			...options,
		});
		expect(result.json[0]).toMatchObject({
			alias: 'Сборщик',
			avatar: options.avatar,
			u: { username: 'notify.bot' },
		});
	});

	it('runs with a personal access token', async () => {
		const { bot, channels } = ctx.sandbox.fixtures;
		const result = await run(send(toChannel(channels.general._id, 'id')), {
			auth: 'accessToken',
			as: 'bot',
		});

		expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		const [request] = ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' });
		expect(request.headers['x-user-id']).toBe(bot._id);
		expect(request.headers['x-auth-token']).toBe(bot.personalAccessToken);
		expect(result.json[0]).toMatchObject({ rid: channels.general._id, u: { _id: bot._id } });
	});

	it('sends one message per input item, with pairedItem', async () => {
		const result = await run(send(toChannel('general'), { text: '={{ $json.text }}' }), {
			input: [{ text: 'первое' }, { text: 'второе' }],
		});

		expect(
			ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' }).map((r) => r.body.text),
		).toEqual(['первое', 'второе']);
		expect(result.json.map((item) => item.msg)).toEqual(['первое', 'второе']);
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it('with Batching, sends several items at once and keeps the input order', async () => {
		const texts = ['1', '2', '3', '4', '5'];
		const result = await run(
			send(toChannel('general'), {
				text: '={{ $json.text }}',
				options: { batching: { batch: { batchSize: 3 } } },
			}),
			{ input: texts.map((text) => ({ text })) },
		);

		expect(ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(5);
		expect(ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' })[0].body).toEqual({
			channel: '#general',
			text: '1',
		});
		expect(result.json.map((item) => item.msg)).toEqual(texts);
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual(
			texts.map((_text, item) => ({ item })),
		);
	});

	it('with Options → Timeout, a slow answer fails the item with a timeout error and is not sent again', async () => {
		const path = '/api/v1/chat.postMessage';
		ctx.sandbox.fault({ path, mode: 'slow', delayMs: 1500 });
		try {
			const result = await run(send(toChannel('general'), { options: { timeout: 300 } }));

			expect(result.nodeError?.message).toBe('Squadus did not answer within 0.3 s');
			expect(result.nodeError?.description).toMatch(
				/^The request timed out\. The request was not sent again/,
			);
			expect(result.nodeError?.description).toMatch(/raise the node's Options → Timeout/);
			expect(ctx.sandbox.requests({ path })).toHaveLength(1);
		} finally {
			ctx.sandbox.clearFaults();
		}
	});

	describe('bad input fails before any request', () => {
		it.each([
			[
				'empty text and no attachments',
				send(toChannel('general'), { text: '  ' }),
				'The parameter "Text" is empty',
			],
			[
				'empty text and only blank attachments',
				send(toChannel('general'), { text: '', attachments: { attachment: [{ title: '' }] } }),
				'The parameter "Text" is empty',
			],
			[
				'invalid attachments JSON',
				send(toChannel('general'), { attachmentsInput: 'json', attachmentsJson: '[{"title": }]' }),
				/^The parameter "Attachments \(JSON\)" is not valid JSON: .*\(line 1, column 12\)$/,
			],
			[
				'attachments JSON that is not an array',
				send(toChannel('general'), { attachmentsInput: 'json', attachmentsJson: '{"title": "x"}' }),
				'The parameter "Attachments (JSON)" must be an array of attachment objects',
			],
			[
				'attachments JSON with a non-object entry',
				send(toChannel('general'), {
					attachmentsInput: 'json',
					attachmentsJson: '[{"title": "x"}, 5]',
				}),
				'The parameter "Attachments (JSON)" must be an array of attachment objects',
			],
			// (a parameter left empty in the editor never runs: n8n reports it as a node issue)
			[
				'a channel expression that resolves to nothing',
				send(toChannel('={{ $json.missing }}')),
				'The parameter "Channel" is empty',
			],
			[
				'a user expression that resolves to nothing',
				send({ sendTo: 'user', user: rl('={{ $json.missing }}', 'username') }),
				'The parameter "User" is empty',
			],
			[
				'a room expression that resolves to nothing',
				send({ sendTo: 'room', room: rl('={{ $json.missing }}') }),
				'The parameter "Room" is empty',
			],
			[
				'an attachment timestamp that is not a date',
				send(toChannel('general'), {
					attachments: { attachment: [{ title: 'x', timestamp: 'soon' }] },
				}),
				'The parameter "Timestamp" is not a date and time: "soon"',
			],
		])('%s', async (_name, parameters, message) => {
			const result = await run(parameters);

			expect(result.nodeError?.name).toBe('NodeOperationError');
			if (typeof message === 'string') expect(result.nodeError?.message).toBe(message);
			else expect(result.nodeError?.message).toMatch(message);
			expect(result.nodeError?.description).toBeTruthy();
			expect(result.json).toEqual([]);
			expect(apiCalls()).toEqual([]);
		});

		it('with Continue On Fail: an error item for the bad item, the others are sent', async () => {
			const result = await run(send(toChannel('general'), { text: '={{ $json.text }}' }), {
				input: [{ text: 'ok' }, { text: '' }, { text: 'ok too' }],
				continueOnFail: true,
			});

			expect(ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(2);
			expect(result.json).toHaveLength(3);
			expect(result.json[1]).toEqual({
				error: 'The parameter "Text" is empty',
				description: 'Enter the message text, or add at least one attachment',
			});
			expect(result.json[0].msg).toBe('ok');
			expect(result.json[2].msg).toBe('ok too');
			expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
		});
	});

	it('puts no secret in its output, errors or logs', async () => {
		const ok = await run(send(toChannel('general')));
		const failed = await run(send(toChannel('no-such-channel')), { as: 'bot' });
		const token = await run(send(toChannel('general')), { auth: 'accessToken', as: 'user' });

		const seen = JSON.stringify([ok, failed, token].map((r) => [r.json, r.nodeError, r.logs]));
		for (const secret of DEMO_SECRETS) expect(seen).not.toContain(secret);
	});

	describe('server errors carry the server’s message', () => {
		it('an unknown channel', async () => {
			const result = await run(send(toChannel('no-such-channel')));

			expect(apiCalls()).toHaveLength(1);
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('Invalid channel [invalid-channel]');
			expect(result.json).toEqual([]);
		});

		it('an unknown user ID (the lookup fails, nothing is posted)', async () => {
			const result = await run(send({ sendTo: 'user', user: rl('NoSuchUserId123', 'id') }));

			expect(result.nodeError?.message).toContain('[error-invalid-user]');
			expect(ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(0);
		});

		it('a private room the user is not in', async () => {
			const board = ctx.sandbox.state.createRoom({
				t: 'p',
				name: 'board',
				creator: user(ctx.sandbox.fixtures.admin._id),
			});
			const result = await run(send({ sendTo: 'room', room: rl(board._id) }), { as: 'user' });

			expect(apiCalls()[0].body).toEqual({ roomId: board._id, text: 'Сборка 1.7.43 готова' });
			expect(result.nodeError?.message).toBe('Not allowed [error-not-allowed]');
			expect(ctx.sandbox.state.roomMessages.get(board._id)).toEqual([]);
		});

		it('an alias from a user who is not a bot', async () => {
			const result = await run(send(toChannel('general'), { options: { alias: 'Not me' } }), {
				as: 'user',
			});

			expect(apiCalls()[0].body.alias).toBe('Not me');
			expect(result.nodeError?.message).toBe('Not enough permission [error-not-allowed]');
		});

		it('with Continue On Fail: one error item per failed item, with pairedItem', async () => {
			const result = await run(
				send({ sendTo: 'channel', channel: rl('={{ $json.channel }}', 'name') }),
				{
					input: [{ channel: 'general' }, { channel: 'no-such-channel' }],
					continueOnFail: true,
				},
			);

			expect(
				ctx.sandbox.requests({ path: '/api/v1/chat.postMessage' }).map((r) => r.body.channel),
			).toEqual(['#general', '#no-such-channel']);
			expect(result.json).toHaveLength(2);
			expect(result.json[0]).toMatchObject({ rid: ctx.sandbox.fixtures.channels.general._id });
			expect(result.json[1]).toEqual(errorItem('Invalid channel [invalid-channel]'));
			expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		});
	});
});
