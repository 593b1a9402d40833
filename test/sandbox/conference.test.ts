import { call, expectError, patAuth, type AuthHeaders } from './client';
import { startSandbox, type Sandbox } from './index';

let sb: Sandbox;
let admin: AuthHeaders;
let ivan: AuthHeaders;
let petr: AuthHeaders;
let petrId: string;

beforeAll(async () => {
	sb = await startSandbox();
	admin = patAuth(sb.fixtures.admin);
	ivan = patAuth(sb.fixtures.user);
	petrId = sb.state.userByUsername('petr.sidorov')!._id;
	petr = patAuth({ _id: petrId, personalAccessToken: sb.createPersonalAccessToken(petrId) });
});
afterAll(async () => {
	await sb.close();
});

async function createConference(
	auth: AuthHeaders,
	conference: Record<string, unknown>,
): Promise<{ _id: string; number: string; rid: string }> {
	const res = await call(sb, 'POST', 'scc.createConference', { auth, body: { conference } });
	expect(res.status).toBe(200);
	return res.body.data;
}

const BASIC_KEYS = [
	'_id',
	'name',
	'number',
	'lobbyStarted',
	'status',
	'type',
	'rid',
	'chatId',
	'conferenceSettings',
	'videoAdapter',
	'conferenceFormat',
	'creator',
	'participants',
	'serviceUrl',
	'createdAt',
	'started',
	'ended',
	'plannedStartTime',
	'plannedEndTime',
];

describe('scc.createConference / scc.getConferenceInfo / scc.updateConference (manual 3.8.5, 3.8.2, 3.8.6)', () => {
	it('creates a BOOKED conference in a room with the manual shape', async () => {
		const start = Date.now() + 3600_000;
		const res = await call(sb, 'POST', 'scc.createConference', {
			auth: ivan,
			body: {
				conference: {
					name: 'Ретро',
					type: 'REGULAR',
					rid: sb.fixtures.channels.dev._id,
					password: 'secret-pin',
					invitations: [{ id: petrId, name: 'Пётр Сидоров' }],
					conferenceFormat: 'webinar',
					adapter: 'Webinar',
					conferenceSettings: { audioMute: true, videoMute: false, waitingRoomEnable: true },
					plannedStartTime: start,
					plannedEndTime: start + 3600_000,
					createChat: false,
					showChat: true,
					persistentChat: false,
				},
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.success).toBe(true);
		expect(Object.keys(res.body.data).sort()).toEqual([...BASIC_KEYS].sort());
		expect(res.body.data).toEqual(
			expect.objectContaining({
				name: 'Ретро',
				number: expect.stringMatching(/^\d{10}$/),
				status: 'BOOKED',
				type: 'REGULAR',
				rid: sb.fixtures.channels.dev._id,
				videoAdapter: 'Webinar',
				conferenceFormat: 'webinar',
				conferenceSettings: { audioMute: true, videoMute: false, waitingRoomEnable: true },
				creator: { id: sb.fixtures.user._id, name: 'Иван Петров' },
				plannedStartTime: new Date(start).toISOString(),
			}),
		);
		expect(res.body.data.participants).toEqual(
			expect.arrayContaining([{ id: petrId, name: 'Пётр Сидоров' }]),
		);
		expect(JSON.stringify(res.body)).not.toContain('secret-pin');

		const info = await call(sb, 'GET', 'scc.getConferenceInfo', {
			auth: ivan,
			query: { conferenceNumber: res.body.data.number },
		});
		expect(info.body).toEqual({
			success: true,
			data: expect.objectContaining({ _id: res.body.data._id, status: 'BOOKED' }),
		});
	});

	it('validates the conference body', async () => {
		expectError(
			await call(sb, 'POST', 'scc.createConference', { auth: ivan, body: {} }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'scc.createConference', {
				auth: ivan,
				body: { conference: { name: 'x', plannedStartTime: '2024-01-01' } },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'scc.createConference', {
				auth: ivan,
				body: { conference: { name: 'x', type: 'WEIRD' } },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'scc.createConference', {
				auth: ivan,
				body: { conference: { rid: 'nope' } },
			}),
			400,
			'error-room-not-found',
		);
		expectError(
			await call(sb, 'POST', 'scc.createConference', {
				auth: ivan,
				body: { conference: { plannedStartTime: 2000, plannedEndTime: 1000 } },
			}),
			400,
			'invalid-params',
		);
	});

	it('getConferenceInfo errors', async () => {
		expectError(
			await call(sb, 'GET', 'scc.getConferenceInfo', {
				auth: ivan,
				query: { conferenceNumber: '0000000000' },
			}),
			400,
			'error-conference-not-found',
		);
		expectError(
			await call(sb, 'GET', 'scc.getConferenceInfo', { auth: ivan }),
			400,
			'invalid-params',
		);
		const dmConf = await createConference(ivan, { name: 'private' });
		expectError(
			await call(sb, 'GET', 'scc.getConferenceInfo', {
				auth: petr,
				query: { conferenceNumber: dmConf.number },
			}),
			400,
			'error-not-allowed',
		);
	});

	it('updates a conference; rid and type cannot change', async () => {
		const conf = await createConference(ivan, {
			name: 'Старое имя',
			rid: sb.fixtures.channels.dev._id,
		});
		const res = await call(sb, 'PUT', 'scc.updateConference', {
			auth: ivan,
			body: {
				conference: {
					number: conf.number,
					name: 'Новое имя',
					conferenceSettings: { videoMute: true },
				},
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.data).toEqual(
			expect.objectContaining({
				number: conf.number,
				name: 'Новое имя',
				conferenceSettings: expect.objectContaining({ videoMute: true }),
			}),
		);
		expectError(
			await call(sb, 'PUT', 'scc.updateConference', {
				auth: ivan,
				body: { conference: { number: conf.number, type: 'FIX' } },
			}),
			400,
			'error-not-allowed',
		);
		expectError(
			await call(sb, 'PUT', 'scc.updateConference', {
				auth: ivan,
				body: { conference: { number: conf.number, rid: sb.fixtures.channels.general._id } },
			}),
			400,
			'error-not-allowed',
		);
		expectError(
			await call(sb, 'PUT', 'scc.updateConference', {
				auth: petr,
				body: { conference: { number: conf.number, name: 'x' } },
			}),
			400,
			'error-not-allowed',
		);
		expectError(
			await call(sb, 'PUT', 'scc.updateConference', {
				auth: ivan,
				body: { conference: { name: 'x' } },
			}),
			400,
			'invalid-params',
		);
		expect((await call(sb, 'POST', 'scc.updateConference', { auth: ivan, body: {} })).status).toBe(
			405,
		);
	});
});

describe('the demo conference: full info, meeting info, downloads (manual 3.8.3, 3.8.4)', () => {
	it('getFullConferenceInfo filters participants by status', async () => {
		const { conference } = sb.fixtures;
		const all = await call(sb, 'GET', 'scc.getFullConferenceInfo', {
			auth: admin,
			query: { conferenceNumber: conference.number },
		});
		expect(all.status).toBe(200);
		expect(all.body.data).toEqual(
			expect.objectContaining({
				number: conference.number,
				status: 'BOOKED',
				participantsCount: 4,
				adapter: 'Jitsi',
			}),
		);
		expect(all.body.data.creator).toEqual(
			expect.objectContaining({
				_id: sb.fixtures.admin._id,
				username: 'admin',
				role: 'MODERATOR',
				conferenceStatus: 'PARTICIPATE',
				invited: false,
			}),
		);
		expect(all.body.data.participants[0]).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				username: expect.any(String),
				name: expect.any(String),
				status: expect.any(String),
				invited: expect.any(Boolean),
				conferenceStatus: expect.any(String),
				role: expect.any(String),
				utcOffset: expect.any(Number),
				guest: false,
			}),
		);
		const byFilter = async (filter: string): Promise<string[]> =>
			(
				await call(sb, 'GET', 'scc.getFullConferenceInfo', {
					auth: admin,
					query: { conferenceNumber: conference.number, filter },
				})
			).body.data.participants.map((p: { username: string }) => p.username);
		expect(await byFilter('participated')).toEqual(['ivan.petrov']);
		expect(await byFilter('declined')).toEqual(['anna.smirnova']);
		expect(await byFilter('not answered')).toEqual(['maria.ivanova']);
		expect(await byFilter('participate')).toEqual(['admin']);
		const paged = await call(sb, 'GET', 'scc.getFullConferenceInfo', {
			auth: admin,
			query: { conferenceNumber: conference.number, offset: 1, count: 2, username: 'a' },
		});
		expect(paged.body.data.participants).toHaveLength(2);
		expectError(
			await call(sb, 'GET', 'scc.getFullConferenceInfo', {
				auth: admin,
				query: { conferenceNumber: conference.number, filter: 'maybe' },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'GET', 'scc.getFullConferenceInfo', {
				auth: admin,
				query: { conferenceNumber: '1' },
			}),
			400,
			'error-conference-not-found',
		);
	});

	it('getMeetingInfo has the record and the chat/speech download links', async () => {
		const { conference } = sb.fixtures;
		const res = await call(sb, 'GET', 'scc.getMeetingInfo', {
			auth: ivan,
			query: { meetingId: conference.meetingId },
		});
		expect(res.status).toBe(200);
		expect(res.body.data).toEqual(
			expect.objectContaining({
				id: conference.meetingId,
				number: conference.number,
				rid: conference.rid,
				records: [
					expect.objectContaining({
						id: conference.recordId,
						status: 'REGISTERED',
						startAt: expect.any(String),
						endAt: expect.any(String),
						url: expect.stringMatching(/^\/file-upload\//),
						shared: false,
					}),
				],
				chatFileId: expect.any(String),
				chatDownloadLink: expect.stringMatching(/^\/file-upload\/.+-messages\.txt$/),
				countMessages: expect.any(Number),
				hasSpeech: true,
				speechFileId: expect.any(String),
				speechDownloadLink: expect.stringMatching(/^\/file-upload\/.+-speech\.txt$/),
			}),
		);
		const chat = await call(sb, 'GET', res.body.data.chatDownloadLink, { auth: ivan });
		expect(chat.status).toBe(200);
		expect(chat.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(chat.text.length).toBeGreaterThan(0);
		const speech = await call(sb, 'GET', res.body.data.speechDownloadLink, { auth: ivan });
		expect(speech.text).toContain('Планёрка');
		expect((await call(sb, 'GET', res.body.data.speechDownloadLink)).status).toBe(403);
		expectError(
			await call(sb, 'GET', 'scc.getMeetingInfo', { auth: ivan, query: { meetingId: 'nope' } }),
			400,
			'error-meeting-not-found',
		);
	});

	it('generateAccessToken signs a Jitsi JWT (manual 3.8.1)', async () => {
		const { conference } = sb.fixtures;
		const res = await call(sb, 'GET', 'scc.generateAccessToken', {
			auth: ivan,
			query: { conferenceNumber: conference.number },
		});
		expect(res.body).toEqual({
			success: true,
			data: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
		});
		const [, payload] = res.body.data.split('.');
		expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual(
			expect.objectContaining({
				room: conference.number,
				aud: 'jitsi',
				context: { user: expect.objectContaining({ id: sb.fixtures.user._id }) },
			}),
		);
		expectError(
			await call(sb, 'GET', 'scc.generateAccessToken', {
				auth: ivan,
				query: { conferenceNumber: '42' },
			}),
			400,
			'error-conference-not-found',
		);
	});

	it('lists room, user and user-rooms conferences (manual 3.8.12-3.8.14)', async () => {
		const { conference } = sb.fixtures;
		const room = await call(sb, 'GET', 'scc.getRoomConferences', {
			auth: ivan,
			query: { rid: conference.rid },
		});
		expect(room.body).toEqual(
			expect.objectContaining({
				success: true,
				offset: 0,
				total: expect.any(Number),
				count: expect.any(Number),
			}),
		);
		const item = room.body.results.find((r: { id: string }) => r.id === conference._id);
		expect(item).toEqual({
			id: conference._id,
			name: 'Планёрка',
			number: conference.number,
			status: 'BOOKED',
			type: 'REGULAR',
			rid: conference.rid,
			creator: { id: sb.fixtures.admin._id, name: expect.any(String) },
			createdAt: expect.any(String),
			started: null,
			ended: null,
			plannedStartTime: expect.any(String),
			plannedEndTime: expect.any(String),
			userInfo: { id: sb.fixtures.user._id, status: 'PARTICIPATED', role: 'USER' },
			records: [{ id: conference.recordId, status: 'REGISTERED' }],
		});
		const withRecords = await call(sb, 'GET', 'scc.getRoomConferences', {
			auth: ivan,
			query: {
				rid: conference.rid,
				hasRecords: 'true',
				status: 'BOOKED',
				role: 'USER',
				sort: 'name',
				sortOrder: 'asc',
			},
		});
		expect(withRecords.body.results.map((r: { id: string }) => r.id)).toEqual([conference._id]);
		expectError(
			await call(sb, 'GET', 'scc.getRoomConferences', { auth: ivan }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'GET', 'scc.getRoomConferences', {
				auth: ivan,
				query: { rid: conference.rid, sort: 'password' },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'GET', 'scc.getRoomConferences', { auth: ivan, query: { rid: 'nope' } }),
			400,
			'error-room-not-found',
		);

		const mine = await call(sb, 'GET', 'scc.getUserConferences', { auth: ivan });
		expect(mine.body.results.map((r: { id: string }) => r.id)).toContain(conference._id);
		expectError(
			await call(sb, 'GET', 'scc.getUserConferences', { auth: ivan, query: { status: 'DONE' } }),
			400,
			'invalid-params',
		);

		const rooms = await call(sb, 'GET', 'scc.getUserRoomsConferences', {
			auth: ivan,
			query: { count: 1 },
		});
		expect(rooms.body).toEqual(expect.objectContaining({ count: 1, total: expect.any(Number) }));
		expectError(
			await call(sb, 'GET', 'scc.getUserRoomsConferences', {
				auth: ivan,
				query: { startedAfter: 'yesterday' },
			}),
			400,
			'invalid-params',
		);
	});

	it('conference/features (manual 3.8.17)', async () => {
		const res = await call(sb, 'GET', 'conference/features', { auth: ivan });
		expect(res.body.success).toBe(true);
		expect(res.body.features.Jitsi).toEqual(
			expect.objectContaining({
				regularConferences: true,
				password: true,
				lobby: true,
				recording: true,
			}),
		);
		expect((await call(sb, 'GET', 'conference/features')).status).toBe(401);
	});
});

describe('lifecycle: start, invite, call, accept, decline, end (manual 3.8.7-3.8.11)', () => {
	it('runs BOOKED -> STARTED -> ENDED with participant statuses', async () => {
		const rid = sb.fixtures.channels.general._id;
		const conf = await createConference(admin, { name: 'Созвон', rid });
		const number = conf.number;
		const mid = conf._id;

		expectError(
			await call(sb, 'POST', 'conference.callUsers', {
				auth: admin,
				body: { meetingId: mid, userIds: [petrId] },
			}),
			400,
			'error-conference-not-started',
		);
		expectError(
			await call(sb, 'POST', 'scc.acceptCall', {
				auth: ivan,
				body: { rid, mid, number, skipToken: 't' },
			}),
			400,
			'error-conference-not-started',
		);

		const started = await call(sb, 'POST', 'scc.startConference', {
			auth: admin,
			body: {
				notify: true,
				conferenceNumber: number,
				rid,
				all: false,
				invitedUsersIds: [sb.fixtures.user._id],
			},
		});
		expect(started.body).toEqual({ success: true });
		expect(
			(
				await call(sb, 'GET', 'scc.getConferenceInfo', {
					auth: admin,
					query: { conferenceNumber: number },
				})
			).body.data,
		).toEqual(expect.objectContaining({ status: 'STARTED', started: expect.any(String) }));
		expectError(
			await call(sb, 'POST', 'scc.startConference', {
				auth: admin,
				body: { conferenceNumber: number, rid },
			}),
			400,
			'error-conference-already-started',
		);

		const invited = await call(sb, 'POST', 'conference.inviteUsers', {
			auth: admin,
			body: { meetingId: mid, userIds: [petrId] },
		});
		expect(invited.body).toEqual({ success: true });
		expect(sb.state.invitations).toEqual(
			expect.arrayContaining([expect.objectContaining({ conferenceId: mid, userId: petrId })]),
		);
		const dm = sb.state.directRoom([sb.fixtures.admin._id, petrId]);
		expect(dm && sb.state.lastMessage(dm._id)?.msg).toContain(number);

		const called = await call(sb, 'POST', 'conference.callUsers', {
			auth: admin,
			body: { meetingId: mid, userIds: [petrId] },
		});
		expect(called.body).toEqual({ success: true });
		expect(
			sb.state.calls.filter(
				(c) => c.conferenceId === mid && c.userId === petrId && c.status === 'ringing',
			),
		).toHaveLength(1);

		const accepted = await call(sb, 'POST', 'scc.acceptCall', {
			auth: ivan,
			body: { rid, mid, number, skipToken: 'device-1' },
		});
		expect(accepted.body).toEqual({ success: true });
		const declined = await call(sb, 'POST', 'scc.callSkip', {
			auth: petr,
			body: { rid, conferenceNumber: number, skipToken: 'device-2' },
		});
		expect(declined.body).toEqual({ success: true });
		expect(
			sb.state.calls
				.filter((c) => c.userId === petrId && c.conferenceId === mid)
				.map((c) => c.status),
		).toEqual(['declined']);

		sb.endConference(number);
		const full = await call(sb, 'GET', 'scc.getFullConferenceInfo', {
			auth: admin,
			query: { conferenceNumber: number },
		});
		expect(full.body.data.status).toBe('ENDED');
		const statuses = Object.fromEntries(
			full.body.data.participants.map((p: { username: string; conferenceStatus: string }) => [
				p.username,
				p.conferenceStatus,
			]),
		);
		expect(statuses).toEqual({
			admin: 'PARTICIPATED',
			'ivan.petrov': 'PARTICIPATED',
			'petr.sidorov': 'DECLINED',
		});
		const meeting = await call(sb, 'GET', 'scc.getMeetingInfo', {
			auth: admin,
			query: { meetingId: mid },
		});
		expect(meeting.body.data.records).toHaveLength(1);
		expect(meeting.body.data.chatDownloadLink).toBeTruthy();
	});

	it('start/accept/skip/invite errors', async () => {
		const rid = sb.fixtures.channels.general._id;
		const conf = await createConference(admin, { name: 'Ошибки', rid });
		expectError(
			await call(sb, 'POST', 'scc.startConference', {
				auth: admin,
				body: { conferenceNumber: conf.number },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'scc.startConference', {
				auth: admin,
				body: { conferenceNumber: conf.number, rid: sb.fixtures.channels.dev._id },
			}),
			400,
			'error-invalid-room',
		);
		expectError(
			await call(sb, 'POST', 'scc.startConference', {
				auth: admin,
				body: { conferenceNumber: 'x', rid },
			}),
			400,
			'error-conference-not-found',
		);
		expectError(
			await call(sb, 'POST', 'scc.acceptCall', {
				auth: ivan,
				body: { rid, mid: conf._id, number: conf.number },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'scc.acceptCall', {
				auth: ivan,
				body: { rid, mid: 'nope', number: conf.number, skipToken: 't' },
			}),
			400,
			'error-meeting-not-found',
		);
		expectError(
			await call(sb, 'POST', 'scc.callSkip', {
				auth: ivan,
				body: { rid: 'other', conferenceNumber: conf.number, skipToken: 't' },
			}),
			400,
			'error-invalid-room',
		);
		expectError(
			await call(sb, 'POST', 'conference.inviteUsers', {
				auth: admin,
				body: { meetingId: conf._id, userIds: ['ghost'] },
			}),
			400,
			'error-invalid-user',
		);
		expectError(
			await call(sb, 'POST', 'conference.inviteUsers', {
				auth: admin,
				body: { meetingId: conf._id, userIds: 'all' },
			}),
			400,
			'invalid-params',
		);
	});
});

describe('conference chat (manual 3.8.15, 3.8.16) and records (3.9.1)', () => {
	it('creates and reads the conference chat', async () => {
		const conf = await createConference(ivan, {
			name: 'С чатом',
			rid: sb.fixtures.channels.dev._id,
			invitations: [{ id: petrId, name: 'Пётр' }],
		});
		expectError(
			await call(sb, 'GET', 'conference.getChat', { auth: ivan, query: { meetingId: conf._id } }),
			400,
			'error-room-not-found',
		);
		const res = await call(sb, 'POST', 'conference.createChat', {
			auth: ivan,
			body: {
				meetingId: conf._id,
				name: 'Чат встречи',
				description: 'Обсуждение',
				showChat: true,
				persistentChat: true,
			},
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			success: true,
			data: expect.objectContaining({
				_id: expect.any(String),
				conferenceChat: true,
				currentMeeting: conf._id,
				hidden: false,
				persistentChat: true,
				conferenceInfo: { number: conf.number, type: 'REGULAR' },
				fname: 'Чат встречи',
				description: 'Обсуждение',
				usersCount: 2,
			}),
		});
		const got = await call(sb, 'GET', 'conference.getChat', {
			auth: petr,
			query: { meetingId: conf._id },
		});
		expect(got.body.data._id).toBe(res.body.data._id);
		expectError(
			await call(sb, 'POST', 'conference.createChat', {
				auth: ivan,
				body: {
					meetingId: conf._id,
					name: 'x',
					description: 'y',
					showChat: true,
					persistentChat: false,
				},
			}),
			400,
			'error-conference-chat-exists',
		);
		expectError(
			await call(sb, 'POST', 'conference.createChat', {
				auth: ivan,
				body: { meetingId: conf._id, name: 'x' },
			}),
			400,
			'invalid-params',
		);
		expectError(await call(sb, 'GET', 'conference.getChat', { auth: ivan }), 400, 'invalid-params');
	});

	it('deletes a record (DELETE /meeting/record)', async () => {
		const { conference } = sb.fixtures;
		expectError(
			await call(sb, 'DELETE', 'meeting/record', {
				auth: ivan,
				body: { id: conference.recordId, meetingId: conference.meetingId },
			}),
			400,
			'error-not-allowed',
		);
		const res = await call(sb, 'DELETE', 'meeting/record', {
			auth: admin,
			body: { id: conference.recordId, meetingId: conference.meetingId },
		});
		expect(res.body).toEqual({ success: true, id: conference.recordId });
		expect(sb.state.conferences.get(conference._id)?.records).toEqual([]);
		expectError(
			await call(sb, 'DELETE', 'meeting/record', {
				auth: admin,
				body: { id: conference.recordId, meetingId: conference.meetingId },
			}),
			400,
			'error-record-not-found',
		);
		expectError(
			await call(sb, 'DELETE', 'meeting/record', { auth: admin, body: { id: 'x' } }),
			400,
			'invalid-params',
		);
	});
});
