import * as http from 'http';
import * as net from 'net';

import { call, expectError, login, patAuth, rawCall, type AuthHeaders } from './client';
import { prng } from './faults';
import { startSandbox, type Sandbox } from './index';
import { ALL_ROUTES } from './server';

let sb: Sandbox;
let admin: AuthHeaders;
let ivan: AuthHeaders;

beforeAll(async () => {
	sb = await startSandbox({ maxBodyBytes: 64 * 1024 });
	admin = patAuth(sb.fixtures.admin);
	ivan = patAuth(sb.fixtures.user);
});
afterAll(async () => {
	await sb.close();
});
afterEach(() => {
	sb.clearFaults();
	sb.configure({ rateLimit: false, logRequests: true });
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 25 });
afterAll(() => agent.destroy());

describe('the 57 operations are all routed', () => {
	it('has a route for every endpoint of the digest (plus the im.* aliases)', () => {
		const routes = new Set(ALL_ROUTES.map((r) => `${r.method} ${r.path}`));
		const digest = [
			'POST login',
			'POST method.callAnon/login',
			'POST logout',
			'POST autoupdates',
			'POST users.create',
			'POST users.delete',
			'GET users.info',
			'GET users.active-sessions',
			'POST users.active-sessions/terminate',
			'POST users.active-sessions/terminateOther',
			'POST chat.postMessage',
			'POST chat.delete',
			'GET chat.getMessage',
			'POST chat.pinMessage',
			'POST chat.starMessage',
			'POST chat.unPinMessage',
			'POST chat.unStarMessage',
			'POST chat.reportMessage',
			'POST channels.create',
			'GET channels.info',
			'POST channels.addOwner',
			'POST channels.addModerator',
			'POST channels.addLeader',
			'POST channels.addAll',
			'GET channels.files',
			'GET channels.list',
			'GET channels.members',
			'GET channels.messages',
			'POST channels.removeModerator',
			'POST channels.removeLeader',
			'POST channels.removeOwner',
			'POST channels.kick',
			'POST channels.close',
			'POST channels.delete',
			'POST channels.convertToTeam',
			'POST dm.create',
			'POST dm.close',
			'POST im.create',
			'POST im.close',
			'GET changelog.list',
			'GET scc.generateAccessToken',
			'GET scc.getConferenceInfo',
			'GET scc.getFullConferenceInfo',
			'GET scc.getMeetingInfo',
			'POST scc.createConference',
			'PUT scc.updateConference',
			'POST scc.startConference',
			'POST conference.inviteUsers',
			'POST conference.callUsers',
			'POST scc.acceptCall',
			'POST scc.callSkip',
			'GET scc.getRoomConferences',
			'GET scc.getUserConferences',
			'GET scc.getUserRoomsConferences',
			'POST conference.createChat',
			'GET conference.getChat',
			'GET conference/features',
			'DELETE meeting/record',
		];
		expect(digest.filter((r) => !routes.has(r))).toEqual([]);
	});
});

describe('HTTP-level errors are JSON', () => {
	it('404s unknown routes and 405s wrong methods', async () => {
		const unknown = await call(sb, 'GET', 'nope.nothing', { auth: ivan });
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get('content-type')).toBe('application/json');
		expect(unknown.body).toEqual({
			success: false,
			error: expect.any(String),
			errorType: 'error-not-found',
		});
		expect((await call(sb, 'GET', '/totally/elsewhere')).status).toBe(404);
		const wrongMethod = await call(sb, 'GET', 'chat.postMessage', { auth: ivan });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.body.success).toBe(false);
	});

	it('400s malformed JSON and non-object bodies', async () => {
		const bad = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			raw: '{"channel": "#general", "text": ',
			headers: { 'Content-Type': 'application/json' },
		});
		expectError(bad, 400, 'error-invalid-json');
		expectError(
			await call(sb, 'POST', 'chat.postMessage', { auth: ivan, body: ['#general', 'x'] }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'chat.postMessage', { auth: ivan, body: 'hello' }),
			400,
			'invalid-params',
		);
		// text/plain is not parsed, so the parameters are missing
		expectError(
			await call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				raw: 'channel=#general',
				headers: { 'Content-Type': 'text/plain' },
			}),
			400,
			'invalid-params',
		);
	});

	it('413s bodies over maxBodyBytes and keeps serving', async () => {
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '#general', text: 'x'.repeat(100 * 1024) },
		});
		expect(res.status).toBe(413);
		expectError(res, 413, 'error-payload-too-large');
		expect((await call(sb, 'GET', 'me', { auth: ivan })).status).toBe(200);
	});

	it('accepts form-urlencoded bodies', async () => {
		const res = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			raw: new URLSearchParams({ channel: '#general', text: 'из формы' }).toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(res.status).toBe(200);
		expect(res.body.message.msg).toBe('из формы');
	});

	it('answers garbage on the socket with 400 and stays up', async () => {
		const url = new URL(sb.url);
		const answer = await new Promise<string>((resolve) => {
			const socket = net.connect(Number(url.port), url.hostname, () =>
				socket.write('NOT HTTP AT ALL\r\n\r\n'),
			);
			let data = '';
			socket.on('data', (d) => (data += d.toString()));
			socket.on('close', () => resolve(data));
			socket.on('error', () => resolve(data));
		});
		expect(answer).toMatch(/^HTTP\/1\.1 400/);
		expect((await call(sb, 'GET', 'me', { auth: ivan })).status).toBe(200);
	});
});

describe('rate limiting', () => {
	it('sends X-RateLimit headers and 429s per route and user', async () => {
		sb.configure({ rateLimit: { limit: 3, windowMs: 60_000 } });
		const before = Date.now();
		const remaining: string[] = [];
		for (let i = 0; i < 3; i++) {
			const res = await call(sb, 'GET', 'channels.list', { auth: ivan });
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBe('3');
			remaining.push(res.headers.get('x-ratelimit-remaining') as string);
			const reset = Number(res.headers.get('x-ratelimit-reset'));
			expect(reset).toBeGreaterThanOrEqual(before + 60_000);
			expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
		}
		expect(remaining).toEqual(['2', '1', '0']);
		const limited = await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			success: false,
			error: expect.stringMatching(
				/^Error, too many requests\. Please slow down\. You must wait \d+ seconds before trying this endpoint again\. \[error-too-many-requests\]$/,
			),
		});
		expect(limited.body.error).toMatch(/wait (59|60) seconds/);
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		// another route, another user: separate buckets
		expect((await call(sb, 'GET', 'me', { auth: ivan })).status).toBe(200);
		const anna = await login(sb, 'anna.smirnova', 'Anna#Passw0rd');
		expect((await call(sb, 'GET', 'channels.list', { auth: anna })).status).toBe(200);
	});

	it('opens again once the window has passed', async () => {
		sb.configure({ rateLimit: { limit: 1, windowMs: 1000 } });
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
		const limited = await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(limited.status).toBe(429);
		await new Promise((r) =>
			setTimeout(
				r,
				Math.max(0, Number(limited.headers.get('x-ratelimit-reset')) - Date.now() + 20),
			),
		);
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
	});

	it('lets admins and bots bypass it', async () => {
		sb.configure({ rateLimit: { limit: 1, windowMs: 60_000 } });
		for (let i = 0; i < 5; i++) {
			const a = await call(sb, 'GET', 'channels.list', { auth: admin });
			expect(a.status).toBe(200);
			expect(a.headers.get('x-ratelimit-limit')).toBeNull();
			expect(
				(await call(sb, 'GET', 'channels.list', { auth: patAuth(sb.fixtures.bot) })).status,
			).toBe(200);
		}
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(429);
	});
});

describe('fault injection', () => {
	const LIST = '/api/v1/channels.list';
	const POST = '/api/v1/chat.postMessage';

	it("'500' answers a JSON 500 once (times defaults to 1)", async () => {
		sb.fault({ path: LIST, mode: '500' });
		const res = await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(res.status).toBe(500);
		expect(res.body.success).toBe(false);
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
	});

	it("'429' answers too-many-requests with X-RateLimit-Reset = now + resetMs", async () => {
		sb.fault({ path: LIST, mode: '429', resetMs: 2500, times: 2 });
		const before = Date.now();
		const res = await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(res.status).toBe(429);
		expect(res.body.error).toContain('[error-too-many-requests]');
		expect(res.body.error).toContain('wait 3 seconds');
		const reset = Number(res.headers.get('x-ratelimit-reset'));
		expect(reset).toBeGreaterThanOrEqual(before + 2500);
		expect(reset).toBeLessThanOrEqual(Date.now() + 2500);
		expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(429);
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
	});

	it("'drop' destroys the socket before executing the request", async () => {
		sb.fault({ path: POST, mode: 'drop' });
		const before = sb.state.messages.size;
		await expect(
			call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				body: { channel: '#general', text: 'dropped' },
			}),
		).rejects.toThrow();
		expect(sb.state.messages.size).toBe(before);
		const [entry] = sb.requests({ path: POST }).slice(-1);
		expect(entry).toEqual(expect.objectContaining({ status: 0, fault: 'drop' }));
		expect(
			(
				await call(sb, 'POST', 'chat.postMessage', {
					auth: ivan,
					body: { channel: '#general', text: 'after' },
				})
			).status,
		).toBe(200);
	});

	it("'dropAfter' executes the request, then drops the socket", async () => {
		sb.fault({ path: POST, mode: 'dropAfter' });
		const before = sb.state.messages.size;
		await expect(
			call(sb, 'POST', 'chat.postMessage', {
				auth: ivan,
				body: { channel: '#general', text: 'executed but unanswered' },
			}),
		).rejects.toThrow();
		expect(sb.state.messages.size).toBe(before + 1);
		expect(sb.state.lastMessage(sb.fixtures.channels.general._id)?.msg).toBe(
			'executed but unanswered',
		);
	});

	it("'malformed' answers 200 with invalid JSON", async () => {
		sb.fault({ path: LIST, mode: 'malformed' });
		const res = await call(sb, 'GET', LIST, { auth: ivan });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(() => JSON.parse(res.text)).toThrow();
	});

	it("'slow' waits delayMs, then answers normally", async () => {
		sb.fault({ path: LIST, mode: 'slow', delayMs: 300 });
		const started = Date.now();
		const res = await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('matches the method, honours times (Infinity) and clearFaults', async () => {
		sb.fault({ path: LIST, method: 'POST', mode: '500', times: Infinity });
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
		sb.fault({ path: LIST, mode: '500', times: Infinity });
		for (let i = 0; i < 3; i++)
			expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(500);
		sb.clearFaults();
		expect((await call(sb, 'GET', 'channels.list', { auth: ivan })).status).toBe(200);
	});

	it('applies probability with a seedable PRNG (same seed, same pattern)', async () => {
		const pattern = async (): Promise<number[]> => {
			sb.clearFaults();
			sb.fault({ path: LIST, mode: '500', times: Infinity, probability: 0.5, seed: 42 });
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++)
				statuses.push((await call(sb, 'GET', 'channels.list', { auth: ivan })).status);
			return statuses;
		};
		const first = await pattern();
		const second = await pattern();
		expect(first).toEqual(second);
		expect(first.filter((s) => s === 500).length).toBeGreaterThan(2);
		expect(first.filter((s) => s === 200).length).toBeGreaterThan(2);
		const random = prng(42);
		expect(first.map((s) => s === 500)).toEqual(Array.from({ length: 20 }, () => random() < 0.5));
	});

	it('rejects invalid fault specs', () => {
		expect(() => sb.fault({ path: LIST, mode: 'explode' as never })).toThrow();
		expect(() => sb.fault({ path: 'no-slash', mode: '500' })).toThrow();
		expect(() => sb.fault({ path: LIST, mode: '500', probability: 2 })).toThrow();
	});
});

describe('request log', () => {
	it('records API requests oldest first, with parsed body, lower-case headers, status and user', async () => {
		sb.clearRequests();
		await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { channel: '#general', text: 'logged' },
			query: { trace: '1' },
		});
		await call(sb, 'GET', 'channels.list', { auth: ivan });
		await call(sb, 'GET', '/_sandbox/fixtures');
		const all = sb.requests();
		expect(all.map((r) => r.path)).toEqual(['/api/v1/chat.postMessage', '/api/v1/channels.list']);
		expect(all[0]).toEqual(
			expect.objectContaining({
				method: 'POST',
				path: '/api/v1/chat.postMessage',
				query: { trace: '1' },
				body: { channel: '#general', text: 'logged' },
				status: 200,
				userId: sb.fixtures.user._id,
				time: expect.any(Number),
			}),
		);
		expect(all[0].headers['x-user-id']).toBe(sb.fixtures.user._id);
		expect(all[0].headers['content-type']).toBe('application/json');
		expect(sb.requests({ method: 'get' })).toHaveLength(1);
		expect(sb.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(1);
		sb.configure({ logRequests: false });
		await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(sb.requests()).toHaveLength(2);
		sb.clearRequests();
		expect(sb.requests()).toHaveLength(0);
	});
});

describe('/_sandbox controls over HTTP', () => {
	it('requests, faults, config, expire-sessions, fixtures, state', async () => {
		await call(sb, 'DELETE', '/_sandbox/requests');
		await call(sb, 'GET', 'me', { auth: ivan });
		const listed = await call(sb, 'GET', '/_sandbox/requests', { query: { path: '/api/v1/me' } });
		expect(listed.body).toHaveLength(1);
		expect(listed.body[0]).toEqual(
			expect.objectContaining({ method: 'GET', path: '/api/v1/me', status: 200 }),
		);

		expect(
			(
				await call(sb, 'POST', '/_sandbox/faults', {
					body: { path: '/api/v1/me', mode: '500', times: 'Infinity' },
				})
			).body,
		).toEqual({ success: true });
		expect((await call(sb, 'GET', 'me', { auth: ivan })).status).toBe(500);
		expect((await call(sb, 'GET', 'me', { auth: ivan })).status).toBe(500);
		await call(sb, 'DELETE', '/_sandbox/faults');
		expect((await call(sb, 'GET', 'me', { auth: ivan })).status).toBe(200);
		expect(
			(await call(sb, 'POST', '/_sandbox/faults', { body: { path: '/x', mode: 'nope' } })).status,
		).toBe(400);

		const config = await call(sb, 'POST', '/_sandbox/config', {
			body: { rateLimit: { limit: 5, windowMs: 1000 }, oauthTokenTtlSec: 60 },
		});
		expect(config.body.config).toEqual(
			expect.objectContaining({ rateLimit: { limit: 5, windowMs: 1000 }, oauthTokenTtlSec: 60 }),
		);
		expect(
			(await call(sb, 'POST', '/_sandbox/config', { body: { rateLimit: 'lots' } })).status,
		).toBe(400);
		await call(sb, 'POST', '/_sandbox/config', {
			body: { rateLimit: false, oauthTokenTtlSec: 3600 },
		});

		const session = await login(sb, 'ivan.petrov', sb.fixtures.user.password);
		await call(sb, 'POST', '/_sandbox/expire-sessions');
		expect((await call(sb, 'GET', 'me', { auth: session })).status).toBe(401);

		const fixtures = await call(sb, 'GET', '/_sandbox/fixtures');
		expect(fixtures.body.admin.username).toBe('admin');
		expect(fixtures.body.channels.general._id).toBe(sb.fixtures.channels.general._id);

		const state = await call(sb, 'GET', '/_sandbox/state');
		expect(state.body.counts).toEqual(
			expect.objectContaining({
				users: sb.state.users.size,
				rooms: sb.state.rooms.size,
				messages: sb.state.messages.size,
				conferences: 1,
			}),
		);
		expect(state.body.users.map((u: { username: string }) => u.username)).toContain('ivan.petrov');
		expect(
			state.body.rooms.find((r: { name: string }) => r.name === 'general').members.length,
		).toBeGreaterThan(1);
		expect(state.body.conferences[0]).toEqual(
			expect.objectContaining({
				number: sb.fixtures.conference.number,
				participants: expect.any(Array),
			}),
		);
		expect(JSON.stringify(state.body)).not.toMatch(
			/passwordHash|Passw0rd|AXQMUB2ARVDWLQMX53BRYA2MKNRI72RV/,
		);
		expect(
			(await call(sb, 'GET', '/_sandbox/totp', { query: { username: 'maria.ivanova' } })).body.code,
		).toMatch(/^\d{6}$/);
		expect(sb.requests({ path: '/_sandbox/state' })).toHaveLength(0);
	});
});

describe('fuzz: 1,000 random malformed requests', () => {
	it('never crashes, never 500s, always answers JSON on /api, and still works afterwards', async () => {
		const random = prng(20241217);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
		const apiPaths = [...new Set(ALL_ROUTES.map((r) => r.path))];
		const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
		const garbage = (n: number): string =>
			Array.from({ length: n }, () => String.fromCharCode(Math.floor(random() * 0x2fff))).join('');
		const jsonValue = (depth: number): unknown => {
			const kind = Math.floor(random() * (depth > 2 ? 6 : 9));
			switch (kind) {
				case 0:
					return null;
				case 1:
					return random() < 0.5;
				case 2:
					return Math.floor(random() * 2e9) - 1e9;
				case 3:
					return garbage(Math.floor(random() * 12));
				case 4:
					return pick([
						sb.fixtures.channels.general._id,
						sb.fixtures.user._id,
						'#general',
						'@ivan.petrov',
						sb.fixtures.conference.number,
						sb.fixtures.messages.welcome._id,
					]);
				case 5:
					return random() * 1e6;
				case 6:
					return Array.from({ length: Math.floor(random() * 4) }, () => jsonValue(depth + 1));
				default: {
					const keys = [
						'roomId',
						'roomName',
						'channel',
						'text',
						'msgId',
						'messageId',
						'userId',
						'username',
						'usernames',
						'name',
						'members',
						'conference',
						'meetingId',
						'userIds',
						'sessionIds',
						'number',
						'rid',
						'mid',
						'conferenceNumber',
						'email',
						'password',
						'user',
						'code',
						'params',
						'message',
						'attachments',
						garbage(3),
					];
					const o: Record<string, unknown> = {};
					for (let i = Math.floor(random() * 5); i > 0; i--) o[pick(keys)] = jsonValue(depth + 1);
					return o;
				}
			}
		};
		const bodies = (): { body?: string | Buffer; type?: string } => {
			switch (Math.floor(random() * 9)) {
				case 0:
					return {};
				case 1:
					return { body: JSON.stringify(jsonValue(0)), type: 'application/json' };
				case 2:
					return { body: JSON.stringify(jsonValue(0)).slice(0, -1), type: 'application/json' };
				case 3:
					return {
						body: garbage(40),
						type: pick(['application/json', 'text/plain', 'application/xml', '']),
					};
				case 4:
					return {
						body: `--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\n${garbage(10)}`,
						type: pick(['multipart/form-data; boundary=x', 'multipart/form-data']),
					};
				case 5:
					return {
						body: new URLSearchParams({ roomId: garbage(5), text: garbage(5) }).toString(),
						type: 'application/x-www-form-urlencoded',
					};
				case 6:
					return {
						body: Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256))),
						type: 'application/octet-stream',
					};
				case 7:
					return {
						body: JSON.stringify({ message: garbage(20) }),
						type: 'application/json; charset=utf-8',
					};
				default:
					return { body: JSON.stringify(jsonValue(0)), type: 'application/vnd.api+json' };
			}
		};
		const paths = (): string => {
			switch (Math.floor(random() * 8)) {
				case 0:
					return `/api/v1/${encodeURIComponent(garbage(8))}${pick(['', '%zz', '/..', '//x', '?%', '#frag'])}`;
				case 1:
					return `/${encodeURIComponent(garbage(6))}`;
				case 2:
					return pick([
						'/oauth/token',
						'/oauth/authorize',
						'/oauth/userinfo',
						`/file-upload/${encodeURIComponent(garbage(4))}/x`,
						sb.fixtures.file.url,
						'/api/info',
						'/api/v1/',
						'/api//v1/login',
					]);
				default: {
					const q = new URLSearchParams();
					for (let i = Math.floor(random() * 4); i > 0; i--)
						q.set(
							pick([
								'roomId',
								'roomName',
								'count',
								'offset',
								'sort',
								'query',
								'fields',
								'msgId',
								'userId',
								'username',
								'conferenceNumber',
								'meetingId',
								'rid',
								'filter',
								garbage(2),
							]),
							pick([
								garbage(5),
								'{"ts":-1}',
								'{bad',
								'-5',
								'1000',
								sb.fixtures.channels.general._id,
								'general',
								'{"$where":1}',
								'{"ts":{"$gt":"2020"}}',
							]),
						);
					return `/api/v1/${pick(apiPaths)}${q.size ? `?${q.toString()}` : ''}`;
				}
			}
		};
		const auths = (): Record<string, string> =>
			pick([
				{},
				ivan,
				ivan,
				admin,
				{
					'X-Auth-Token': garbage(10).replace(/[^\x21-\x7e]/g, 'x'),
					'X-User-Id': sb.fixtures.user._id,
				},
				{ 'X-User-Id': 'x' },
			]);

		let count = 0;
		const failures: string[] = [];
		const batch = async (): Promise<void> => {
			const method = pick(methods);
			const path = paths();
			const { body, type } = method === 'GET' || method === 'HEAD' ? {} : bodies();
			const headers: Record<string, string> = { ...auths() };
			if (type) headers['Content-Type'] = type;
			try {
				const res = await rawCall(sb, method, path, { headers, body, agent });
				count++;
				if (res.status >= 500)
					failures.push(`${method} ${path} -> ${res.status} ${res.bytes.toString().slice(0, 200)}`);
				if (path.startsWith('/api/') && method !== 'HEAD' && res.status !== 204) {
					try {
						JSON.parse(res.bytes.toString('utf8'));
					} catch {
						failures.push(`${method} ${path} -> non-JSON ${res.status}`);
					}
				}
			} catch (e) {
				failures.push(`${method} ${path} -> ${(e as Error).message}`);
			}
		};
		for (let round = 0; round < 40; round++) await Promise.all(Array.from({ length: 25 }, batch));
		expect(failures).toEqual([]);
		expect(count).toBe(1000);
		expect(sb.state.internalErrors).toEqual([]);

		// still answers correctly
		const session = await login(sb, 'admin', sb.fixtures.admin.password);
		expect((await call(sb, 'GET', 'channels.list', { auth: session })).body.success).toBe(true);
		const posted = await call(sb, 'POST', 'chat.postMessage', {
			auth: session,
			body: { channel: '#random', text: 'after the storm' },
		});
		expect(posted.status).toBe(200);
	});
});

describe('https and the empty seed', () => {
	it('serves HTTPS with the self-signed certificate, seed "empty" has only the admin', async () => {
		const secure = await startSandbox({ https: true, seed: 'empty' });
		try {
			expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			expect(secure.state.users.size).toBe(1);
			expect(() => secure.fixtures.user).toThrow(/seed 'demo'/);
			const res = await call(secure, 'GET', 'me', { auth: patAuth(secure.fixtures.admin) });
			expect(JSON.parse(res.text)).toEqual(
				expect.objectContaining({ success: true, username: 'admin' }),
			);
		} finally {
			await secure.close();
		}
	});
});

describe('bulk data', () => {
	it('seeds 50,000 messages quickly and pages through them in O(page)', async () => {
		const rid = sb.fixtures.channels.dev._id;
		let started = Date.now();
		const ids = sb.addMessages(rid, 50_000, { text: (i) => `bulk ${i}` });
		expect(ids).toHaveLength(50_000);
		expect(Date.now() - started).toBeLessThan(15_000);
		started = Date.now();
		const last = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: { roomId: rid, count: 100, offset: 49_950 },
		});
		expect(last.body.count).toBe(Math.min(100, last.body.total - 49_950));
		const first = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: { roomId: rid, count: 100 },
		});
		expect(first.body.messages[0].msg).toBe('bulk 49999');
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
