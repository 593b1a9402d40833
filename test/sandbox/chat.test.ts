import { call, expectError, patAuth, type AuthHeaders } from './client';
import { startSandbox, type Sandbox } from './index';

let sb: Sandbox;
let admin: AuthHeaders;
let ivan: AuthHeaders;
let bot: AuthHeaders;

beforeAll(async () => {
	sb = await startSandbox();
	admin = patAuth(sb.fixtures.admin);
	ivan = patAuth(sb.fixtures.user);
	bot = patAuth(sb.fixtures.bot);
});
afterAll(async () => {
	await sb.close();
});

async function post(
	auth: AuthHeaders,
	body: Record<string, unknown>,
): Promise<{ _id: string; rid: string }> {
	const res = await call(sb, 'POST', 'chat.postMessage', { auth, body });
	expect(res.status).toBe(200);
	return res.body.message;
}

describe('chat.postMessage (manual 3.4.1)', () => {
	it("answers Rocket.Chat's {ts, channel, message, success}", async () => {
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '#general', text: 'Привет, @anna.smirnova! См. https://squadus.test/x' },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			ts: expect.any(Number),
			channel: '#general',
			message: expect.any(Object),
			success: true,
		});
		expect(res.body.message).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				rid: sb.fixtures.channels.general._id,
				msg: 'Привет, @anna.smirnova! См. https://squadus.test/x',
				ts: expect.any(String),
				u: { _id: sb.fixtures.user._id, username: 'ivan.petrov', name: 'Иван Петров' },
				_updatedAt: expect.any(String),
				urls: [{ url: 'https://squadus.test/x' }],
				mentions: [expect.objectContaining({ username: 'anna.smirnova' })],
				channels: [],
			}),
		);
		expect(sb.state.messages.get(res.body.message._id)?.msg).toContain('Привет');
	});

	it('accepts roomId, a room id as channel, and attachments', async () => {
		const rid = sb.fixtures.channels.dev._id;
		const byRoomId = await post(ivan, { roomId: rid, text: 'by roomId' });
		expect(byRoomId.rid).toBe(rid);
		const attachments = [
			{
				color: '#ff0000',
				text: 'Деталь',
				title: 'Заголовок',
				title_link: 'https://squadus.test',
				collapsed: false,
				fields: [{ short: true, title: 'Статус', value: 'OK' }],
			},
		];
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: rid, text: 'with attachment', attachments },
		});
		expect(res.body.channel).toBe(rid);
		expect(res.body.message.attachments).toEqual(attachments);
	});

	it('opens a DM for @username', async () => {
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '@anna.smirnova', text: 'лично' },
		});
		expect(res.status).toBe(200);
		const room = sb.state.rooms.get(res.body.message.rid);
		expect(room?.t).toBe('d');
		expect(room?.usernames).toEqual(['anna.smirnova', 'ivan.petrov']);
		const again = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '@anna.smirnova', text: 'ещё' },
		});
		expect(again.body.message.rid).toBe(res.body.message.rid);
	});

	it('joins a public channel when posting to it', async () => {
		const rid = sb.fixtures.channels.random._id;
		expect(sb.state.subscription(rid, sb.fixtures.bot._id)).toBeUndefined();
		await post(bot, { channel: '#random', text: 'бот здесь', alias: 'CI', emoji: ':robot:' });
		expect(sb.state.subscription(rid, sb.fixtures.bot._id)).toBeDefined();
	});

	it('lets only bots set alias and avatar', async () => {
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '#general', text: 'x', alias: 'Not Ivan' },
		});
		expectError(res, 400, 'error-not-allowed');
		const ok = await call(sb, 'POST', 'chat.postMessage', {
			auth: bot,
			body: {
				channel: '#general',
				text: 'x',
				alias: 'Build',
				avatar: 'https://squadus.test/a.png',
			},
		});
		expect(ok.body.message).toEqual(
			expect.objectContaining({ alias: 'Build', avatar: 'https://squadus.test/a.png' }),
		);
	});

	it('validates the target and the text', async () => {
		const missing = await call(sb, 'POST', 'chat.postMessage', { auth: ivan, body: { text: 'x' } });
		expectError(missing, 400, 'invalid-params');
		// isChatPostMessageProps: oneOf { roomId } | { channel }
		expect(missing.body.error).toBe(
			"must have required property 'roomId'\n must have required property 'channel'\n must match exactly one schema in oneOf [invalid-params]",
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', { auth: ivan, body: { channel: '#general' } }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', { auth: ivan, body: { channel: 42, text: 'x' } }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				body: { channel: '#general', text: 7 },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				body: { channel: '#nope', text: 'x' },
			}),
			400,
			'invalid-channel',
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				body: { channel: '@ghost', text: 'x' },
			}),
			400,
			'invalid-channel',
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				body: { channel: '#general', text: 'x', attachments: 'nope' },
			}),
			400,
			'invalid-params',
		);
		const tooLong = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '#general', text: 'x'.repeat(5001) },
		});
		expect(tooLong.body).toEqual({ success: false, error: 'error-message-size-exceeded' });
	});

	it('keeps private rooms private', async () => {
		const dm = await post(ivan, { channel: '@petr.sidorov', text: 'секрет' });
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: bot,
			body: { roomId: dm.rid, text: 'x' },
		});
		expectError(res, 400, 'error-not-allowed');
	});
});

describe('chat.getMessage (manual 3.4.3)', () => {
	it('returns one message', async () => {
		const { welcome } = sb.fixtures.messages;
		const res = await call(sb, 'GET', 'chat.getMessage', {
			auth: ivan,
			query: { msgId: welcome._id },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			success: true,
			message: expect.objectContaining({
				_id: welcome._id,
				rid: welcome.rid,
				msg: expect.stringContaining('Добро пожаловать'),
			}),
		});
	});

	it('errors on unknown or inaccessible messages', async () => {
		expectError(
			await call(sb, 'GET', 'chat.getMessage', { auth: ivan, query: { msgId: 'nope' } }),
			400,
			'error-message-not-found',
		);
		expectError(await call(sb, 'GET', 'chat.getMessage', { auth: ivan }), 400, 'invalid-params');
		const dm = await post(ivan, { channel: '@petr.sidorov', text: 'только нам' });
		expectError(
			await call(sb, 'GET', 'chat.getMessage', { auth: bot, query: { msgId: dm._id } }),
			400,
			'error-action-not-allowed',
		);
	});
});

describe('chat.delete (manual 3.4.2)', () => {
	it('deletes an own message', async () => {
		const message = await post(ivan, { channel: '#general', text: 'удалю' });
		const res = await call(sb, 'POST', 'chat.delete', {
			auth: ivan,
			body: { msgId: message._id, roomId: message.rid, asUser: false },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			success: true,
			_id: message._id,
			ts: expect.any(String),
			message: expect.objectContaining({ _id: message._id, rid: message.rid }),
		});
		expect(sb.state.messages.has(message._id)).toBe(false);
	});

	it('lets an admin delete others’ messages, but not a plain user', async () => {
		const message = await post(ivan, { channel: '#general', text: 'чужое' });
		expectError(
			await call(sb, 'POST', 'chat.delete', {
				auth: bot,
				body: { msgId: message._id, roomId: message.rid },
			}),
			400,
			'error-action-not-allowed',
		);
		expect(
			(
				await call(sb, 'POST', 'chat.delete', {
					auth: admin,
					body: { msgId: message._id, roomId: message.rid, asUser: true },
				})
			).status,
		).toBe(200);
	});

	it('errors on unknown message, wrong room and missing params', async () => {
		const message = await post(ivan, { channel: '#general', text: 'x' });
		const unknown = await call(sb, 'POST', 'chat.delete', {
			auth: ivan,
			body: { msgId: 'nope', roomId: message.rid },
		});
		expect(unknown.body).toEqual({
			success: false,
			error: 'No message found with the id of "nope".',
		});
		const wrongRoom = await call(sb, 'POST', 'chat.delete', {
			auth: ivan,
			body: { msgId: message._id, roomId: sb.fixtures.channels.dev._id },
		});
		expect(wrongRoom.body.error).toBe(
			'The room id provided does not match where the message is from.',
		);
		expectError(
			await call(sb, 'POST', 'chat.delete', { auth: ivan, body: { msgId: message._id } }),
			400,
			'invalid-params',
		);
	});
});

describe('pin, unpin, star, unstar, report (manual 3.4.4-3.4.8)', () => {
	it('pins and unpins (room owners, moderators and admins)', async () => {
		const message = await post(ivan, { channel: '#dev', text: 'важное' });
		const pinned = await call(sb, 'POST', 'chat.pinMessage', {
			auth: ivan,
			body: { messageId: message._id },
		});
		expect(pinned.status).toBe(200);
		expect(pinned.body).toEqual({
			success: true,
			message: expect.objectContaining({
				_id: message._id,
				pinned: true,
				pinnedAt: expect.any(String),
				pinnedBy: { _id: sb.fixtures.user._id, username: 'ivan.petrov' },
			}),
		});
		const list = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: { roomId: message.rid, query: JSON.stringify({ pinned: true }) },
		});
		expect(list.body.messages.map((m: { _id: string }) => m._id)).toEqual([message._id]);
		const unpinned = await call(sb, 'POST', 'chat.unPinMessage', {
			auth: ivan,
			body: { messageId: message._id },
		});
		expect(unpinned.body).toEqual({ success: true });
		expect(sb.state.messages.get(message._id)?.pinned).toBe(false);
	});

	it('refuses to pin for a plain member, and unknown messages', async () => {
		const message = await post(admin, { channel: '#general', text: 'x' });
		expectError(
			await call(sb, 'POST', 'chat.pinMessage', { auth: ivan, body: { messageId: message._id } }),
			400,
			'error-action-not-allowed',
		);
		expectError(
			await call(sb, 'POST', 'chat.pinMessage', { auth: ivan, body: { messageId: 'nope' } }),
			400,
			'error-message-not-found',
		);
		expectError(
			await call(sb, 'POST', 'chat.unPinMessage', { auth: admin, body: { messageId: 'nope' } }),
			400,
			'error-message-not-found',
		);
		expectError(
			await call(sb, 'POST', 'chat.unPinMessage', { auth: admin, body: {} }),
			400,
			'invalid-params',
		);
	});

	it('stars and unstars for the caller', async () => {
		const { welcome } = sb.fixtures.messages;
		expect(
			(await call(sb, 'POST', 'chat.starMessage', { auth: ivan, body: { messageId: welcome._id } }))
				.body,
		).toEqual({ success: true });
		expect(sb.state.messages.get(welcome._id)?.starredBy).toEqual([sb.fixtures.user._id]);
		const got = await call(sb, 'GET', 'chat.getMessage', {
			auth: ivan,
			query: { msgId: welcome._id },
		});
		expect(got.body.message.starred).toEqual([{ _id: sb.fixtures.user._id }]);
		expect(
			(
				await call(sb, 'POST', 'chat.unStarMessage', {
					auth: ivan,
					body: { messageId: welcome._id },
				})
			).body,
		).toEqual({ success: true });
		expect(sb.state.messages.get(welcome._id)?.starredBy).toEqual([]);
	});

	it('star errors', async () => {
		expectError(
			await call(sb, 'POST', 'chat.starMessage', { auth: ivan, body: { messageId: 'nope' } }),
			400,
			'error-message-not-found',
		);
		expectError(
			await call(sb, 'POST', 'chat.unStarMessage', { auth: ivan, body: { messageId: 123 } }),
			400,
			'invalid-params',
		);
		// not a member of #dev: may read it, may not star in it
		const devMessage = await post(ivan, { channel: '#dev', text: 'x' });
		expectError(
			await call(sb, 'POST', 'chat.starMessage', {
				auth: patAuth({
					_id: sb.fixtures.totpUser._id,
					personalAccessToken: sb.createPersonalAccessToken(sb.fixtures.totpUser._id),
				}),
				body: { messageId: devMessage._id },
			}),
			400,
			'error-action-not-allowed',
		);
	});

	it('reports a message', async () => {
		const { welcome } = sb.fixtures.messages;
		const res = await call(sb, 'POST', 'chat.reportMessage', {
			auth: ivan,
			body: { messageId: welcome._id, description: 'спам' },
		});
		expect(res.body).toEqual({ success: true });
		expect(sb.state.reports).toEqual([
			expect.objectContaining({
				messageId: welcome._id,
				description: 'спам',
				reportedBy: sb.fixtures.user._id,
			}),
		]);
		expectError(
			await call(sb, 'POST', 'chat.reportMessage', {
				auth: ivan,
				body: { messageId: welcome._id },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'chat.reportMessage', {
				auth: ivan,
				body: { messageId: 'nope', description: 'x' },
			}),
			400,
			'error-invalid-message_id',
		);
	});
});

describe('direct messages (manual 3.6)', () => {
	it('dm.create answers {room:{_id, rid, usernames, t}, success}', async () => {
		const res = await call(sb, 'POST', 'dm.create', {
			auth: admin,
			body: { usernames: 'anna.smirnova' },
		});
		expect(res.status).toBe(200);
		expect(res.body.success).toBe(true);
		expect(res.body.room).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				t: 'd',
				usernames: ['admin', 'anna.smirnova'],
			}),
		);
		expect(res.body.room.rid).toBe(res.body.room._id);
		const again = await call(sb, 'POST', 'im.create', {
			auth: admin,
			body: { usernames: 'anna.smirnova' },
		});
		expect(again.body.room._id).toBe(res.body.room._id);
	});

	it('creates group DMs from comma-separated usernames', async () => {
		const res = await call(sb, 'POST', 'dm.create', {
			auth: admin,
			body: { usernames: 'anna.smirnova, petr.sidorov' },
		});
		expect(res.body.room.usernames).toEqual(['admin', 'anna.smirnova', 'petr.sidorov']);
	});

	it('dm.create errors', async () => {
		expectError(
			await call(sb, 'POST', 'dm.create', { auth: admin, body: { usernames: 'ghost' } }),
			400,
			'error-invalid-user',
		);
		expectError(
			await call(sb, 'POST', 'dm.create', { auth: admin, body: {} }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'dm.create', { auth: admin, body: { usernames: ['anna.smirnova'] } }),
			400,
			'invalid-params',
		);
	});

	it('dm.close hides the DM, and a new message opens it again', async () => {
		const created = await call(sb, 'POST', 'dm.create', {
			auth: ivan,
			body: { usernames: 'notify.bot' },
		});
		const rid = created.body.room._id;
		const res = await call(sb, 'POST', 'dm.close', { auth: ivan, body: { roomId: rid } });
		expect(res.body).toEqual({ success: true });
		expect(sb.state.subscription(rid, sb.fixtures.user._id)?.open).toBe(false);
		const twice = await call(sb, 'POST', 'im.close', { auth: ivan, body: { roomId: rid } });
		expect(twice.body).toEqual({
			success: false,
			error: 'The direct message room, is already closed to the sender',
		});
		await post(bot, { roomId: rid, text: 'ping' });
		expect(sb.state.subscription(rid, sb.fixtures.user._id)?.open).toBe(true);
	});

	it('dm.close errors', async () => {
		expectError(
			await call(sb, 'POST', 'dm.close', {
				auth: ivan,
				body: { roomId: sb.fixtures.channels.general._id },
			}),
			400,
			'error-room-not-found',
		);
		expect(
			(await call(sb, 'POST', 'dm.close', { auth: ivan, body: { roomId: 'nope' } })).body,
		).toEqual({ success: false, error: 'The user is not subscribed to the room' });
		expectError(
			await call(sb, 'POST', 'dm.close', { auth: ivan, body: {} }),
			400,
			'invalid-params',
		);
	});
});

describe('additions for pickers and triggers: im.list, im.messages, rooms.get', () => {
	it('lists the caller’s DMs newest first and reads their messages', async () => {
		await post(ivan, { channel: '@notify.bot', text: 'первое' });
		await post(ivan, { channel: '@anna.smirnova', text: 'последнее' });
		const list = await call(sb, 'GET', 'im.list', {
			auth: ivan,
			query: { sort: JSON.stringify({ lm: -1 }), count: 2 },
		});
		expect(list.body).toEqual(
			expect.objectContaining({ success: true, count: 2, offset: 0, total: expect.any(Number) }),
		);
		expect(list.body.ims[0]).toEqual(
			expect.objectContaining({
				t: 'd',
				usernames: ['anna.smirnova', 'ivan.petrov'],
				lastMessage: expect.objectContaining({ msg: 'последнее' }),
			}),
		);
		const messages = await call(sb, 'GET', 'im.messages', {
			auth: ivan,
			query: { roomId: list.body.ims[0]._id, sort: JSON.stringify({ ts: -1 }) },
		});
		expect(messages.body.messages[0].msg).toBe('последнее');
		expectError(
			await call(sb, 'GET', 'im.messages', {
				auth: ivan,
				query: { roomId: sb.fixtures.channels.general._id },
			}),
			400,
			'error-room-not-found',
		);
	});

	it('rooms.get answers the caller’s rooms as {update, remove}', async () => {
		const res = await call(sb, 'GET', 'rooms.get', { auth: ivan });
		expect(res.body).toEqual({ update: expect.any(Array), remove: [], success: true });
		expect(res.body.update.map((r: { name?: string }) => r.name)).toEqual(
			expect.arrayContaining(['general', 'dev', 'random']),
		);
		expectError(
			await call(sb, 'GET', 'rooms.get', { auth: ivan, query: { updatedSince: 'never' } }),
			400,
			'invalid-params',
		);
	});
});

describe('file downloads', () => {
	it('serves a channel file with its type and name, to authenticated users only', async () => {
		const { file } = sb.fixtures;
		const res = await call(sb, 'GET', file.url, { auth: ivan });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(res.headers.get('content-disposition')).toContain('filename="report.txt"');
		expect(res.text).toContain('Квартальный отчёт');
		expect((await call(sb, 'GET', file.url)).status).toBe(403);
		expect(
			(
				await call(sb, 'GET', file.url, {
					auth: { 'X-Auth-Token': 'x', 'X-User-Id': sb.fixtures.user._id },
				})
			).status,
		).toBe(403);
		expect((await call(sb, 'GET', '/file-upload/nope/x.txt', { auth: ivan })).status).toBe(404);
	});

	it('serves binary files byte for byte (addFile)', async () => {
		const data = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
		const added = sb.addFile(sb.fixtures.channels.general._id, {
			name: 'данные.bin',
			type: 'application/octet-stream',
			data,
			userId: sb.fixtures.user._id,
		});
		const res = await call(sb, 'GET', `${added.url}?download`, { auth: ivan });
		expect(res.status).toBe(200);
		expect(res.bytes).toEqual(data);
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; .*filename\*=UTF-8''%D0%B4%D0%B0%D0%BD%D0%BD%D1%8B%D0%B5\.bin$/,
		);
	});
});
