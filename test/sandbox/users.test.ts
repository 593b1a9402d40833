import { call, expectError, login, patAuth, type AuthHeaders } from './client';
import { startSandbox, type Sandbox } from './index';

let sb: Sandbox;
let admin: AuthHeaders;
let ivan: AuthHeaders;

beforeAll(async () => {
	sb = await startSandbox();
	admin = patAuth(sb.fixtures.admin);
	ivan = patAuth(sb.fixtures.user);
});
afterAll(async () => {
	await sb.close();
});

const PERMISSION_ERROR = {
	success: false,
	error: 'User does not have the permissions required for this action [error-unauthorized]',
};

describe('users.create (manual 3.3.1)', () => {
	it('creates a user with the manual example fields', async () => {
		const res = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: {
				email: 'olga.k@squadus.test',
				name: 'Ольга Кузнецова',
				password: 'Olga#Passw0rd',
				username: 'olga.kuznetsova',
				active: true,
				bio: 'Аналитик',
				nickname: 'olga',
				statusText: 'На связи',
				roles: ['user'],
				joinDefaultChannels: true,
				requirePasswordChange: false,
				setRandomPassword: false,
				sendWelcomeEmail: false,
				verified: true,
				customFields: {},
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.success).toBe(true);
		expect(res.body.user).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				username: 'olga.kuznetsova',
				name: 'Ольга Кузнецова',
				emails: [{ address: 'olga.k@squadus.test', verified: true }],
				roles: ['user'],
				active: true,
				bio: 'Аналитик',
				nickname: 'olga',
				statusText: 'На связи',
				type: 'user',
				status: 'offline',
				_updatedAt: expect.any(String),
			}),
		);
		expect(JSON.stringify(res.body)).not.toMatch(/Passw0rd|passwordHash|salt/);
		// joined the default channel, can log in, and the admin changelog has the action
		expect(
			sb.state.subscription(sb.fixtures.channels.general._id, res.body.user._id),
		).toBeDefined();
		await login(sb, 'olga.kuznetsova', 'Olga#Passw0rd');
		expect(
			sb.state.changelog.some((c) => c.setting === 'User_Created' && c.value === 'olga.kuznetsova'),
		).toBe(true);
	});

	it('refuses a username already in use', async () => {
		const res = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: { email: 'x@squadus.test', name: 'X', password: 'p', username: 'ivan.petrov' },
		});
		expectError(res, 400, 'error-field-unavailable');
		expect(res.body.error).toBe('ivan.petrov is already in use :( [error-field-unavailable]');
	});

	it('validates required fields and types', async () => {
		const missing = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: { name: 'X', password: 'p', username: 'x.y' },
		});
		expectError(missing, 400, 'invalid-params');
		expect(missing.body.error).toBe("must have required property 'email' [invalid-params]");
		const wrongType = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: { email: 'a@b.cd', name: 'X', password: 'p', username: 12345 },
		});
		expectError(wrongType, 400, 'invalid-params');
		const badEmail = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: { email: 'not-an-email', name: 'X', password: 'p', username: 'x.y' },
		});
		expectError(badEmail, 400, 'error-invalid-email');
	});

	it('is for admins only', async () => {
		const res = await call(sb, 'POST', 'users.create', {
			auth: ivan,
			body: { email: 'z@squadus.test', name: 'Z', password: 'p', username: 'z.z' },
		});
		expect(res.status).toBe(403);
		expect(res.body).toEqual(PERMISSION_ERROR);
	});
});

describe('users.delete (manual 3.3.2)', () => {
	// the manual's forms and answers (see 'the Rocket.Chat dialect' for Rocket.Chat's)
	beforeAll(() => sb.configure({ dialect: 'manual' }));
	afterAll(() => sb.configure({ dialect: 'rocketchat' }));
	it('deletes a user named by userID and userName in the query string', async () => {
		const victim = sb.createUser({ username: 'temp.user', password: 'Temp#1' });
		const res = await call(sb, 'POST', 'users.delete', {
			auth: admin,
			query: { userID: victim._id, userName: 'temp.user' },
			raw: '',
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ success: true });
		expect(sb.state.userById(victim._id)).toBeUndefined();
		expect(
			sb.state.changelog.some((c) => c.setting === 'User_Deleted' && c.value === 'temp.user'),
		).toBe(true);
	});

	it('checks that userID and userName match', async () => {
		const victim = sb.createUser({ username: 'temp.user2', password: 'Temp#1' });
		const res = await call(sb, 'POST', 'users.delete', {
			auth: admin,
			query: { userID: victim._id, userName: 'ivan.petrov' },
		});
		expectError(res, 400, 'error-invalid-user');
		expect(sb.state.userById(victim._id)).toBeDefined();
		const unknown = await call(sb, 'POST', 'users.delete', {
			auth: admin,
			query: { userID: 'nope', userName: 'nope' },
		});
		expectError(unknown, 400, 'error-invalid-user');
		const missing = await call(sb, 'POST', 'users.delete', {
			auth: admin,
			query: { userID: victim._id },
		});
		expect(missing.body.error).toBe("must have required property 'userName' [invalid-params]");
	});

	it('is for admins only, and keeps the last admin', async () => {
		const res = await call(sb, 'POST', 'users.delete', {
			auth: ivan,
			query: { userID: sb.fixtures.bot._id, userName: 'notify.bot' },
		});
		expect(res.status).toBe(403);
		const last = await call(sb, 'POST', 'users.delete', {
			auth: admin,
			query: { userID: sb.fixtures.admin._id, userName: 'admin' },
		});
		expectError(last, 400, 'error-action-not-allowed');
	});
});

describe('users.info (manual 3.3.3)', () => {
	it('finds a user by id or username', async () => {
		const byId = await call(sb, 'GET', 'users.info', {
			auth: admin,
			query: { userId: sb.fixtures.user._id },
		});
		expect(byId.status).toBe(200);
		expect(byId.body.user).toEqual(
			expect.objectContaining({
				_id: sb.fixtures.user._id,
				username: 'ivan.petrov',
				name: 'Иван Петров',
				emails: expect.any(Array),
			}),
		);
		const byName = await call(sb, 'GET', 'users.info', {
			auth: admin,
			query: { username: 'ivan.petrov' },
		});
		expect(byName.body.user._id).toBe(sb.fixtures.user._id);
	});

	it('honours fields={"userRooms":1}', async () => {
		const res = await call(sb, 'GET', 'users.info', {
			auth: admin,
			query: { userId: sb.fixtures.user._id, fields: JSON.stringify({ userRooms: 1 }) },
		});
		const rooms = res.body.user.rooms as Array<{
			rid: string;
			name: string;
			t: string;
			roles: string[];
		}>;
		expect(rooms.map((r) => r.name).sort()).toEqual(
			expect.arrayContaining(['dev', 'general', 'random']),
		);
		expect(rooms.find((r) => r.name === 'dev')).toEqual(
			expect.objectContaining({ rid: sb.fixtures.channels.dev._id, t: 'c', roles: ['owner'] }),
		);
	});

	it('hides e-mails of other users from non-admins', async () => {
		const res = await call(sb, 'GET', 'users.info', {
			auth: ivan,
			query: { username: 'anna.smirnova' },
		});
		expect(res.status).toBe(200);
		expect(res.body.user.emails).toBeUndefined();
		expect(res.body.user.username).toBe('anna.smirnova');
	});

	it('errors on unknown users, missing params and bad fields JSON', async () => {
		expectError(
			await call(sb, 'GET', 'users.info', { auth: admin, query: { username: 'ghost' } }),
			400,
			'error-invalid-user',
		);
		expectError(await call(sb, 'GET', 'users.info', { auth: admin }), 400, 'invalid-params');
		expectError(
			await call(sb, 'GET', 'users.info', {
				auth: admin,
				query: { username: 'admin', fields: '{bad' },
			}),
			400,
			'error-invalid-fields',
		);
	});
});

describe('users.list (addition for user pickers)', () => {
	it('searches users with a $regex query, paginated', async () => {
		const query = JSON.stringify({
			$or: [
				{ username: { $regex: 'ИВАН', $options: 'i' } },
				{ name: { $regex: 'иван', $options: 'i' } },
			],
		});
		const res = await call(sb, 'GET', 'users.list', {
			auth: ivan,
			query: { query, sort: '{"username":1}', count: 10 },
		});
		expect(res.body).toEqual(expect.objectContaining({ success: true, offset: 0 }));
		expect(res.body.users.map((u: { username: string }) => u.username)).toEqual([
			'ivan.petrov',
			'maria.ivanova',
		]);
		expect(res.body.users[0].emails).toBeUndefined();
		expectError(
			await call(sb, 'GET', 'users.list', { auth: ivan, query: { query: '{"username":' } }),
			400,
			'error-invalid-query',
		);
	});
});

describe('users.active-sessions (manual 3.3.4-3.3.6)', () => {
	it('lists the caller’s sessions with the current one', async () => {
		const a = await login(sb, 'anna.smirnova', 'Anna#Passw0rd');
		await login(sb, 'anna.smirnova', 'Anna#Passw0rd');
		const res = await call(sb, 'GET', 'users.active-sessions', {
			auth: { ...a, 'User-Agent': 'n8n/1.0 (Linux)' },
		});
		expect(res.status).toBe(200);
		expect(res.body.success).toBe(true);
		expect(res.body.results.sessions).toHaveLength(2);
		const current = res.body.results.sessions.find(
			(s: { id: string }) => s.id === res.body.results.currentSessionId,
		);
		expect(current).toEqual(
			expect.objectContaining({
				ip: expect.any(String),
				isOnline: true,
				lastActivityDate: expect.any(String),
				os: expect.any(Object),
				device: expect.any(Object),
				application: expect.any(Object),
			}),
		);
		expect(JSON.stringify(res.body)).not.toContain(a['X-Auth-Token']);
		expect((await call(sb, 'GET', 'users.active-sessions')).status).toBe(401);
	});

	it('terminates given sessions', async () => {
		const a = await login(sb, 'petr.sidorov', 'Petr#Passw0rd');
		const b = await login(sb, 'petr.sidorov', 'Petr#Passw0rd');
		const list = await call(sb, 'GET', 'users.active-sessions', { auth: a });
		const other = list.body.results.sessions.find(
			(s: { id: string }) => s.id !== list.body.results.currentSessionId,
		);
		const res = await call(sb, 'POST', 'users.active-sessions/terminate', {
			auth: a,
			body: { sessionIds: [other.id] },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ success: true });
		expect((await call(sb, 'GET', 'me', { auth: b })).status).toBe(401);
		expect((await call(sb, 'GET', 'me', { auth: a })).status).toBe(200);
	});

	it('validates sessionIds', async () => {
		expectError(
			await call(sb, 'POST', 'users.active-sessions/terminate', { auth: ivan, body: {} }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'users.active-sessions/terminate', {
				auth: ivan,
				body: { sessionIds: 'abc' },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'users.active-sessions/terminate', {
				auth: ivan,
				body: { sessionIds: ['unknown'] },
			}),
			400,
			'error-invalid-session',
		);
	});

	it('terminates all other sessions of the caller', async () => {
		const a = await login(sb, 'petr.sidorov', 'Petr#Passw0rd');
		const b = await login(sb, 'petr.sidorov', 'Petr#Passw0rd');
		const c = await login(sb, 'petr.sidorov', 'Petr#Passw0rd');
		const res = await call(sb, 'POST', 'users.active-sessions/terminateOther', {
			auth: a,
			raw: '',
		});
		expect(res.body).toEqual({ success: true });
		expect((await call(sb, 'GET', 'me', { auth: a })).status).toBe(200);
		expect((await call(sb, 'GET', 'me', { auth: b })).status).toBe(401);
		expect((await call(sb, 'GET', 'me', { auth: c })).status).toBe(401);
		expect((await call(sb, 'POST', 'users.active-sessions/terminateOther')).status).toBe(401);
	});
});

describe('autoupdates (manual 3.2)', () => {
	it('stores the uploaded settings file (multipart, field "file")', async () => {
		const form = new FormData();
		form.append(
			'file',
			new Blob([JSON.stringify({ channel: 'stable', checkIntervalHours: 12 })], {
				type: 'application/json',
			}),
			'autoupdate.json',
		);
		const res = await call(sb, 'POST', 'autoupdates', { auth: admin, raw: form });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ success: true });
		expect(sb.state.autoupdate.current).toEqual(
			expect.objectContaining({
				filename: 'autoupdate.json',
				settings: { channel: 'stable', checkIntervalHours: 12 },
			}),
		);
		const [logged] = sb.requests({ path: '/api/v1/autoupdates' }).slice(-1);
		expect(logged.body.files).toEqual([
			{
				field: 'file',
				filename: 'autoupdate.json',
				mimeType: 'application/json',
				size: expect.any(Number),
			},
		]);
		expect(sb.state.changelog.some((c) => c.setting === 'Autoupdates')).toBe(true);
	});

	it('needs a multipart file and an admin', async () => {
		expectError(
			await call(sb, 'POST', 'autoupdates', { auth: admin, body: { file: 'x' } }),
			400,
			'invalid-params',
		);
		const form = new FormData();
		form.append('other', 'x');
		expectError(
			await call(sb, 'POST', 'autoupdates', { auth: admin, raw: form }),
			400,
			'invalid-params',
		);
		const ok = new FormData();
		ok.append('file', new Blob(['x']), 'a.bin');
		const res = await call(sb, 'POST', 'autoupdates', { auth: ivan, raw: ok });
		expect(res.status).toBe(403);
		expect(res.body).toEqual(PERMISSION_ERROR);
	});
});

describe('changelog.list (manual 3.7)', () => {
	it('lists admin actions newest first with pagination', async () => {
		const res = await call(sb, 'GET', 'changelog.list', { auth: admin, query: { count: 2 } });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(
			expect.objectContaining({
				success: true,
				count: 2,
				offset: 0,
				total: sb.state.changelog.length,
			}),
		);
		expect(res.body.logs[0]).toEqual({
			_id: expect.any(String),
			username: 'admin',
			setting: expect.any(String),
			value: expect.any(String),
			date: expect.any(String),
		});
		expect(Date.parse(res.body.logs[0].date)).toBeGreaterThanOrEqual(
			Date.parse(res.body.logs[1].date),
		);
		const filtered = await call(sb, 'GET', 'changelog.list', {
			auth: admin,
			query: { query: JSON.stringify({ setting: 'Site_Name' }) },
		});
		expect(filtered.body.logs.map((l: { setting: string }) => l.setting)).toEqual(['Site_Name']);
	});

	it('is for admins only and validates JSON params', async () => {
		const res = await call(sb, 'GET', 'changelog.list', { auth: ivan });
		expect(res.status).toBe(403);
		expect(res.body).toEqual(PERMISSION_ERROR);
		expectError(
			await call(sb, 'GET', 'changelog.list', { auth: admin, query: { sort: 'date' } }),
			400,
			'invalid-params',
		);
	});
});

describe('users.delete in the Rocket.Chat dialect (default)', () => {
	it("refuses the manual's query form and deletes the user named in the body", async () => {
		const victim = sb.createUser({ username: 'rc.victim', password: 'Victim#Passw0rd' });
		const manual = await call(sb, 'POST', 'users.delete', {
			auth: admin,
			query: { userID: victim._id, userName: 'rc.victim' },
		});
		expectError(manual, 400, 'error-user-param-not-provided');
		expect(manual.body.error).toBe(
			'The required "userId" or "username" param was not provided [error-user-param-not-provided]',
		);
		expect(sb.state.userById(victim._id)).toBeDefined();
		const res = await call(sb, 'POST', 'users.delete', { auth: admin, body: { userId: victim._id } });
		expect(res.body).toEqual({ success: true });
		expect(sb.state.userById(victim._id)).toBeUndefined();
	});
});

describe("Rocket.Chat's validators refuse the requests the manual alone allows", () => {
	it('users.create without password, even with setRandomPassword (isUserCreateParamsPOST)', async () => {
		const res = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: { email: 'rnd@squadus.test', name: 'Rnd', username: 'rnd.user', setRandomPassword: true },
		});
		expectError(res, 400, 'invalid-params');
		expect(res.body.error).toBe("must have required property 'password' [invalid-params]");
		const ok = await call(sb, 'POST', 'users.create', {
			auth: admin,
			body: {
				email: 'rnd@squadus.test',
				name: 'Rnd',
				username: 'rnd.user',
				password: '',
				setRandomPassword: true,
			},
		});
		expect(ok.body.success).toBe(true);
		expect(sb.state.checkPassword(sb.state.userByUsername('rnd.user')!, '')).toBe(false);
	});
});
