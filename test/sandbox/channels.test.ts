import { call, expectError, patAuth, type AuthHeaders } from './client';
import { startSandbox, type Sandbox } from './index';

let sb: Sandbox;
let admin: AuthHeaders;
let ivan: AuthHeaders;
let anna: AuthHeaders;

beforeAll(async () => {
	sb = await startSandbox();
	admin = patAuth(sb.fixtures.admin);
	ivan = patAuth(sb.fixtures.user);
	const annaId = sb.state.userByUsername('anna.smirnova')!._id;
	anna = patAuth({ _id: annaId, personalAccessToken: sb.createPersonalAccessToken(annaId) });
});
afterAll(async () => {
	await sb.close();
});

const ROOM_NOT_FOUND =
	'The required "roomId" or "roomName" param provided does not match any channel [error-room-not-found]';

async function newChannel(name: string, members: string[] = [], auth = ivan): Promise<string> {
	const res = await call(sb, 'POST', 'channels.create', { auth, body: { name, members } });
	expect(res.status).toBe(200);
	return res.body.channel._id;
}

describe('channels.create (manual 3.5.1)', () => {
	it('creates a channel with members; the creator owns it', async () => {
		const res = await call(sb, 'POST', 'channels.create', {
			auth: ivan,
			body: {
				name: 'project-x',
				members: ['anna.smirnova', 'petr.sidorov'],
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.success).toBe(true);
		expect(res.body.channel).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				t: 'c',
				name: 'project-x',
				fname: 'project-x',
				msgs: 0,
				usersCount: 3,
				u: expect.objectContaining({ _id: sb.fixtures.user._id, username: 'ivan.petrov' }),
				ro: false,
				default: false,
				ts: expect.any(String),
				_updatedAt: expect.any(String),
			}),
		);
		expect(sb.state.hasRoomRole(res.body.channel._id, sb.fixtures.user._id, 'owner')).toBe(true);
	});

	it('refuses duplicate and invalid names', async () => {
		const dup = await call(sb, 'POST', 'channels.create', {
			auth: ivan,
			body: { name: 'general' },
		});
		expectError(dup, 400, 'error-duplicate-channel-name');
		expect(dup.body.error).toBe(
			"A channel with name 'general' exists [error-duplicate-channel-name]",
		);
		expectError(
			await call(sb, 'POST', 'channels.create', { auth: ivan, body: { name: 'bad name!' } }),
			400,
			'error-invalid-room-name',
		);
		// Rocket.Chat's createChannelValidator answers API.v1.failure(message): no errorType
		const noName = await call(sb, 'POST', 'channels.create', { auth: ivan, body: {} });
		expect(noName.status).toBe(400);
		expect(noName.body).toEqual({ success: false, error: 'Param "name" is required' });
		const badMembers = await call(sb, 'POST', 'channels.create', {
			auth: ivan,
			body: { name: 'ok', members: 'anna' },
		});
		expect(badMembers.body).toEqual({
			success: false,
			error: 'Param "members" must be an array if provided',
		});
	});

	it('adds the members of listed teams', async () => {
		await call(sb, 'POST', 'channels.convertToTeam', {
			auth: admin,
			body: { channelName: 'random' },
		});
		const res = await call(sb, 'POST', 'channels.create', {
			auth: admin,
			body: { name: 'team-child', teams: ['random'] },
		});
		expect(res.body.channel.usersCount).toBe(sb.state.memberCount(sb.fixtures.channels.random._id));
	});
});

describe('channels.info (manual 3.5.2)', () => {
	it('finds a channel by id or by name', async () => {
		const byId = await call(sb, 'GET', 'channels.info', {
			auth: ivan,
			query: { roomId: sb.fixtures.channels.general._id },
		});
		expect(byId.body).toEqual({
			success: true,
			channel: expect.objectContaining({
				_id: sb.fixtures.channels.general._id,
				name: 'general',
				t: 'c',
				default: true,
				usersCount: 6,
				msgs: expect.any(Number),
				sysMes: true,
			}),
		});
		const byName = await call(sb, 'GET', 'channels.info', {
			auth: ivan,
			query: { roomName: 'dev' },
		});
		expect(byName.body.channel._id).toBe(sb.fixtures.channels.dev._id);
	});

	it('errors on unknown channels, DMs and missing params', async () => {
		const res = await call(sb, 'GET', 'channels.info', { auth: ivan, query: { roomName: 'nope' } });
		expectError(res, 400, 'error-room-not-found');
		expect(res.body.error).toBe(ROOM_NOT_FOUND);
		const dm = await call(sb, 'POST', 'dm.create', { auth: ivan, body: { usernames: 'admin' } });
		expectError(
			await call(sb, 'GET', 'channels.info', { auth: ivan, query: { roomId: dm.body.room._id } }),
			400,
			'error-room-not-found',
		);
		// Rocket.Chat's findChannelByIdOrName: no roomId or roomName matches no channel
		const missing = await call(sb, 'GET', 'channels.info', { auth: ivan });
		expectError(missing, 400, 'error-room-not-found');
		expect(missing.body.error).toBe(ROOM_NOT_FOUND);
	});
});

describe('owners, moderators and leaders (manual 3.5.3-3.5.5, 3.5.11-3.5.13)', () => {
	it('adds and removes each role (room owner)', async () => {
		const rid = await newChannel('roles-1', ['anna.smirnova']);
		const annaId = sb.state.userByUsername('anna.smirnova')!._id;
		for (const [add, remove, role] of [
			['channels.addOwner', 'channels.removeOwner', 'owner'],
			['channels.addModerator', 'channels.removeModerator', 'moderator'],
			['channels.addLeader', 'channels.removeLeader', 'leader'],
		] as const) {
			const added = await call(sb, 'POST', add, {
				auth: ivan,
				body: { roomId: rid, userId: annaId },
			});
			expect(added.body).toEqual({ success: true });
			expect(sb.state.hasRoomRole(rid, annaId, role)).toBe(true);
			const again = await call(sb, 'POST', add, {
				auth: ivan,
				body: { roomId: rid, userId: annaId },
			});
			expectError(again, 400, `error-user-already-${role}`);
			const removed = await call(sb, 'POST', remove, {
				auth: ivan,
				body: { roomId: rid, userId: annaId },
			});
			expect(removed.body).toEqual({ success: true });
			expect(sb.state.hasRoomRole(rid, annaId, role)).toBe(false);
			expectError(
				await call(sb, 'POST', remove, { auth: ivan, body: { roomId: rid, userId: annaId } }),
				400,
				`error-user-not-${role}`,
			);
		}
	});

	it('needs the room owner or an admin', async () => {
		const rid = await newChannel('roles-2', ['anna.smirnova', 'petr.sidorov']);
		const petrId = sb.state.userByUsername('petr.sidorov')!._id;
		for (const path of [
			'channels.addOwner',
			'channels.addModerator',
			'channels.addLeader',
			'channels.removeOwner',
			'channels.removeModerator',
			'channels.removeLeader',
		]) {
			expectError(
				await call(sb, 'POST', path, { auth: anna, body: { roomId: rid, userId: petrId } }),
				400,
				'error-not-allowed',
			);
		}
		expect(
			(
				await call(sb, 'POST', 'channels.addModerator', {
					auth: admin,
					body: { roomId: rid, userId: petrId },
				})
			).body.success,
		).toBe(true);
	});

	it('checks the room, the user and the membership', async () => {
		const rid = await newChannel('roles-3');
		const petrId = sb.state.userByUsername('petr.sidorov')!._id;
		expectError(
			await call(sb, 'POST', 'channels.addOwner', {
				auth: ivan,
				body: { roomId: rid, userId: petrId },
			}),
			400,
			'error-user-not-in-room',
		);
		expectError(
			await call(sb, 'POST', 'channels.addOwner', {
				auth: ivan,
				body: { roomId: 'nope', userId: petrId },
			}),
			400,
			'error-room-not-found',
		);
		expectError(
			await call(sb, 'POST', 'channels.addLeader', {
				auth: ivan,
				body: { roomId: rid, userId: 'nope' },
			}),
			400,
			'error-invalid-user',
		);
		expectError(
			await call(sb, 'POST', 'channels.addModerator', { auth: ivan, body: { roomId: rid } }),
			400,
			'error-user-param-not-provided',
		);
		const last = await call(sb, 'POST', 'channels.removeOwner', {
			auth: ivan,
			body: { roomId: rid, userId: sb.fixtures.user._id },
		});
		expectError(last, 400, 'error-remove-last-owner');
	});
});

describe('channels.addAll (manual 3.5.6)', () => {
	it('adds every (active) user; admins only', async () => {
		const rid = await newChannel('everyone', [], admin);
		sb.createUser({ username: 'inactive.user', password: 'x' });
		sb.state.userByUsername('inactive.user')!.active = false;
		expectError(
			await call(sb, 'POST', 'channels.addAll', {
				auth: ivan,
				body: { roomId: rid, activeUsersOnly: true },
			}),
			400,
			'error-not-allowed',
		);
		const res = await call(sb, 'POST', 'channels.addAll', {
			auth: admin,
			body: { roomId: rid, activeUsersOnly: true },
		});
		expect(res.body).toEqual({ success: true, channel: expect.objectContaining({ _id: rid }) });
		const active = [...sb.state.users.values()].filter((u) => u.active).length;
		expect(res.body.channel.usersCount).toBe(active);
		const all = await call(sb, 'POST', 'channels.addAll', {
			auth: admin,
			body: { roomId: rid, activeUsersOnly: false },
		});
		expect(all.body.channel.usersCount).toBe(sb.state.users.size);
		expectError(
			await call(sb, 'POST', 'channels.addAll', { auth: admin, body: { roomId: 'nope' } }),
			400,
			'error-room-not-found',
		);
	});
});

describe('channels.files (manual 3.5.7)', () => {
	it('lists the files of a channel', async () => {
		const res = await call(sb, 'GET', 'channels.files', { auth: ivan, query: { roomName: 'dev' } });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(
			expect.objectContaining({ success: true, count: 1, offset: 0, total: 1 }),
		);
		expect(res.body.files[0]).toEqual(
			expect.objectContaining({
				_id: sb.fixtures.file._id,
				name: 'report.txt',
				type: 'text/plain',
				typeGroup: 'text',
				size: expect.any(Number),
				rid: sb.fixtures.channels.dev._id,
				userId: sb.fixtures.user._id,
				user: expect.objectContaining({ username: 'ivan.petrov' }),
				uploadedAt: expect.any(String),
				url: sb.fixtures.file.url,
				downloadLink: sb.fixtures.file.url,
			}),
		);
		const projected = await call(sb, 'GET', 'channels.files', {
			auth: ivan,
			query: { roomId: sb.fixtures.channels.dev._id, fields: '{"name":1}' },
		});
		expect(projected.body.files[0]).toEqual({ _id: sb.fixtures.file._id, name: 'report.txt' });
	});

	it('errors on unknown rooms and bad JSON', async () => {
		expectError(
			await call(sb, 'GET', 'channels.files', { auth: ivan, query: { roomName: 'nope' } }),
			400,
			'error-room-not-found',
		);
		expectError(
			await call(sb, 'GET', 'channels.files', {
				auth: ivan,
				query: { roomName: 'dev', query: '{nope' },
			}),
			400,
			'error-invalid-query',
		);
	});
});

describe('channels.list (manual 3.5.8)', () => {
	it('answers {channels, count, offset, total, success}', async () => {
		const res = await call(sb, 'GET', 'channels.list', { auth: ivan });
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual([
			'channels',
			'count',
			'offset',
			'success',
			'total',
		]);
		expect(res.body.channels.map((c: { name: string }) => c.name)).toEqual(
			expect.arrayContaining(['dev', 'general', 'random']),
		);
		expect(res.body.total).toBe(res.body.channels.length);
		const names = res.body.channels.map((c: { name: string }) => c.name);
		expect(names).toEqual([...names].sort());
	});

	it('paginates, sorts and queries', async () => {
		const page = await call(sb, 'GET', 'channels.list', {
			auth: ivan,
			query: { count: 2, offset: 1, sort: '{"name":-1}' },
		});
		expect(page.body).toEqual(expect.objectContaining({ count: 2, offset: 1 }));
		const q = await call(sb, 'GET', 'channels.list', {
			auth: ivan,
			query: { query: JSON.stringify({ name: { $regex: '^gen' } }) },
		});
		expect(q.body.channels.map((c: { name: string }) => c.name)).toEqual(['general']);
		expectError(
			await call(sb, 'GET', 'channels.list', { auth: ivan, query: { sort: '{"name":' } }),
			400,
			'error-invalid-sort',
		);
		expectError(
			await call(sb, 'GET', 'channels.list', { auth: ivan, query: { count: 'ten' } }),
			400,
			'invalid-params',
		);
	});
});

describe('channels.members (manual 3.5.9)', () => {
	it('lists members, filtered and paginated', async () => {
		const res = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomId: sb.fixtures.channels.general._id },
		});
		expect(res.body).toEqual(
			expect.objectContaining({ success: true, total: 6, offset: 0, count: 6 }),
		);
		expect(res.body.members[0]).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				username: 'admin',
				name: expect.any(String),
				status: expect.any(String),
			}),
		);
		const filtered = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomName: 'general', filter: 'анна' },
		});
		expect(filtered.body.members.map((m: { username: string }) => m.username)).toEqual([
			'anna.smirnova',
		]);
		const paged = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomName: 'general', offset: 4, count: 10 },
		});
		expect(paged.body).toEqual(expect.objectContaining({ count: 2, offset: 4, total: 6 }));
	});

	it('errors on unknown rooms', async () => {
		expectError(
			await call(sb, 'GET', 'channels.members', { auth: ivan, query: { roomId: 'nope' } }),
			400,
			'error-room-not-found',
		);
	});
});

describe('channels.messages (manual 3.5.10) and pagination edges', () => {
	let rid: string;
	beforeAll(async () => {
		rid = await newChannel('history');
		sb.addMessages(rid, 250, { text: (i) => `#${i + 1}`, userId: sb.fixtures.user._id });
	});

	it('returns newest first by default with count/offset/total', async () => {
		const res = await call(sb, 'GET', 'channels.messages', { auth: ivan, query: { roomId: rid } });
		expect(res.body).toEqual(
			expect.objectContaining({ success: true, count: 50, offset: 0, total: 250 }),
		);
		expect(res.body.messages[0].msg).toBe('#250');
		expect(res.body.messages[49].msg).toBe('#201');
		expect(res.body.messages[0]).toEqual(
			expect.objectContaining({
				_id: expect.any(String),
				rid,
				ts: expect.any(String),
				u: expect.objectContaining({ username: 'ivan.petrov' }),
			}),
		);
	});

	it('caps count at 100 and returns a short last page', async () => {
		const capped = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: { roomId: rid, count: 500 },
		});
		expect(capped.body.count).toBe(100);
		const last = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: { roomId: rid, count: 100, offset: 200 },
		});
		expect(last.body).toEqual(expect.objectContaining({ count: 50, offset: 200, total: 250 }));
		expect(last.body.messages[49].msg).toBe('#1');
		const beyond = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: { roomId: rid, offset: 1000 },
		});
		expect(beyond.body).toEqual(
			expect.objectContaining({ count: 0, offset: 1000, total: 250, messages: [] }),
		);
	});

	it('walks every page without gaps or duplicates (ascending too)', async () => {
		const seen: string[] = [];
		for (let offset = 0; ; offset += 100) {
			const res = await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: rid, count: 100, offset, sort: '{"ts":1}' },
			});
			seen.push(...res.body.messages.map((m: { msg: string }) => m.msg));
			if (offset + res.body.count >= res.body.total) break;
		}
		expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `#${i + 1}`));
	});

	it('filters with query and sorts by other fields', async () => {
		const res = await call(sb, 'GET', 'channels.messages', {
			auth: ivan,
			query: {
				roomId: rid,
				query: JSON.stringify({ msg: { $regex: '^#1[0-9]$' } }),
				sort: '{"msg":1}',
			},
		});
		expect(res.body.total).toBe(10);
		expect(res.body.messages.map((m: { msg: string }) => m.msg)).toEqual([
			'#10',
			'#11',
			'#12',
			'#13',
			'#14',
			'#15',
			'#16',
			'#17',
			'#18',
			'#19',
		]);
	});

	it('rejects bad sort/query JSON and bad offsets', async () => {
		expectError(
			await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: rid, sort: 'ts:-1' },
			}),
			400,
			'error-invalid-sort',
		);
		expectError(
			await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: rid, sort: '{"ts":"down"}' },
			}),
			400,
			'error-invalid-sort',
		);
		expectError(
			await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: rid, query: '[1,2' },
			}),
			400,
			'error-invalid-query',
		);
		expectError(
			await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: rid, offset: -1 },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: rid, query: '{"$where":"1"}' },
			}),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'GET', 'channels.messages', { auth: ivan, query: { roomId: 'nope' } }),
			400,
			'error-room-not-found',
		);
	});
});

describe('channels.kick (manual 3.5.14)', () => {
	it('removes a member and answers the channel', async () => {
		const rid = await newChannel('kick-1', ['anna.smirnova', 'petr.sidorov']);
		const petrId = sb.state.userByUsername('petr.sidorov')!._id;
		const res = await call(sb, 'POST', 'channels.kick', {
			auth: ivan,
			body: { roomId: rid, userId: petrId },
		});
		expect(res.body).toEqual({
			success: true,
			channel: expect.objectContaining({ _id: rid, usersCount: 2 }),
		});
		expect(sb.state.subscription(rid, petrId)).toBeUndefined();
	});

	it('errors: not allowed, not in room, last owner', async () => {
		const rid = await newChannel('kick-2', ['anna.smirnova']);
		const annaId = sb.state.userByUsername('anna.smirnova')!._id;
		const petrId = sb.state.userByUsername('petr.sidorov')!._id;
		expectError(
			await call(sb, 'POST', 'channels.kick', {
				auth: anna,
				body: { roomId: rid, userId: sb.fixtures.user._id },
			}),
			400,
			'error-not-allowed',
		);
		expectError(
			await call(sb, 'POST', 'channels.kick', {
				auth: ivan,
				body: { roomId: rid, userId: petrId },
			}),
			400,
			'error-user-not-in-room',
		);
		expectError(
			await call(sb, 'POST', 'channels.kick', {
				auth: admin,
				body: { roomId: rid, userId: sb.fixtures.user._id },
			}),
			400,
			'error-you-are-last-owner',
		);
		// isChannelsKickProps takes a userId only
		expectError(
			await call(sb, 'POST', 'channels.kick', {
				auth: ivan,
				body: { roomId: rid, username: 'anna.smirnova' },
			}),
			400,
			'invalid-params',
		);
		expect(
			(
				await call(sb, 'POST', 'channels.kick', {
					auth: ivan,
					body: { roomId: rid, userId: annaId },
				})
			).body.success,
		).toBe(true);
		expect(sb.state.subscription(rid, annaId)).toBeUndefined();
	});
});

describe('channels.close (manual 3.5.15)', () => {
	it('hides the channel for the caller', async () => {
		const rid = await newChannel('close-1', ['anna.smirnova']);
		const res = await call(sb, 'POST', 'channels.close', { auth: anna, body: { roomId: rid } });
		expect(res.body).toEqual({ success: true });
		expect(sb.state.subscription(rid, sb.state.userByUsername('anna.smirnova')!._id)?.open).toBe(
			false,
		);
		const twice = await call(sb, 'POST', 'channels.close', { auth: anna, body: { roomId: rid } });
		expect(twice.body).toEqual({
			success: false,
			error: 'The channel, close-1, is already closed to the sender',
		});
		const outsider = await call(sb, 'POST', 'channels.close', {
			auth: admin,
			body: { roomId: rid },
		});
		expect(outsider.body.success).toBe(false);
		expect(outsider.body.error).toContain('is not in the channel');
	});
});

describe('channels.delete (manual 3.5.16)', () => {
	it('deletes a channel with its messages (owner or admin)', async () => {
		const rid = await newChannel('delete-1', ['anna.smirnova']);
		const msg = await call(sb, 'POST', 'chat.postMessage', {
			auth: ivan,
			body: { roomId: rid, text: 'bye' },
		});
		expectError(
			await call(sb, 'POST', 'channels.delete', { auth: anna, body: { roomId: rid } }),
			400,
			'error-not-allowed',
		);
		const res = await call(sb, 'POST', 'channels.delete', { auth: ivan, body: { roomId: rid } });
		expect(res.body).toEqual({ success: true });
		expect(sb.state.rooms.has(rid)).toBe(false);
		expect(sb.state.messages.has(msg.body.message._id)).toBe(false);
		expectError(
			await call(sb, 'POST', 'channels.delete', { auth: ivan, body: { roomId: rid } }),
			400,
			'error-room-not-found',
		);
	});
});

describe('channels.convertToTeam (manual 3.5.17)', () => {
	it('turns a channel into a team', async () => {
		const rid = await newChannel('team-1', ['anna.smirnova']);
		const res = await call(sb, 'POST', 'channels.convertToTeam', {
			auth: ivan,
			body: { channelId: rid },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			success: true,
			team: expect.objectContaining({
				_id: expect.any(String),
				name: 'team-1',
				roomId: rid,
				type: 0,
			}),
		});
		expect(sb.state.rooms.get(rid)).toEqual(
			expect.objectContaining({ teamMain: true, teamId: res.body.team._id }),
		);
		const twice = await call(sb, 'POST', 'channels.convertToTeam', {
			auth: ivan,
			body: { channelName: 'team-1' },
		});
		expect(twice.body).toEqual({ success: false, error: 'team-name-already-exists' });
	});

	it('needs an owner and a channel', async () => {
		const rid = await newChannel('team-2', ['anna.smirnova']);
		expect(
			(await call(sb, 'POST', 'channels.convertToTeam', { auth: anna, body: { channelId: rid } }))
				.status,
		).toBe(403);
		expectError(
			await call(sb, 'POST', 'channels.convertToTeam', { auth: ivan, body: {} }),
			400,
			'invalid-params',
		);
		expectError(
			await call(sb, 'POST', 'channels.convertToTeam', {
				auth: ivan,
				body: { channelName: 'nope' },
			}),
			400,
			'error-room-not-found',
		);
	});
});

describe("where the manual and Rocket.Chat disagree (dialects 'manual' and 'rocketchat')", () => {
	afterEach(() => sb.configure({ dialect: 'rocketchat' }));

	it('channels.create: the manual takes userId, Rocket.Chat refuses it as an additional property', async () => {
		const body = { name: 'with-user-id', userId: sb.fixtures.user._id };
		const refused = await call(sb, 'POST', 'channels.create', { auth: ivan, body });
		expectError(refused, 400, 'invalid-params');
		expect(refused.body.error).toBe('must NOT have additional properties [invalid-params]');
		sb.configure({ dialect: 'manual' });
		const created = await call(sb, 'POST', 'channels.create', { auth: ivan, body });
		expect(created.body.channel.name).toBe('with-user-id');
	});

	it('channels.members: statuses as an array; the manual\'s ids only in its dialect', async () => {
		const rid = sb.fixtures.channels.general._id;
		const asString = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomId: rid, status: 'online,away' },
		});
		expect(asString.status).toBe(400);
		expect(asString.body).toEqual({
			success: false,
			error: 'Match error: Expected array, got "online,away" in field status',
		});
		const asArray = await fetch(
			`${sb.url}/api/v1/channels.members?roomId=${rid}&status[]=online&status[]=away`,
			{ headers: ivan },
		);
		expect(asArray.status).toBe(200);
		const ids = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomId: rid, ids: sb.fixtures.user._id },
		});
		expectError(ids, 400, 'invalid-params');
		sb.configure({ dialect: 'manual' });
		const manual = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomId: rid, ids: sb.fixtures.user._id },
		});
		expect(manual.body.members.map((m: { _id: string }) => m._id)).toEqual([sb.fixtures.user._id]);
		// the Match check of status runs in both dialects (Squadus is Rocket.Chat's server)
		const stringStatus = await call(sb, 'GET', 'channels.members', {
			auth: ivan,
			query: { roomId: rid, status: 'online' },
		});
		expect(stringStatus.status).toBe(400);
	});

	it('channels.messages: roomId only, in both dialects (the manual\'s roomName is refused)', async () => {
		for (const dialect of ['rocketchat', 'manual'] as const) {
			sb.configure({ dialect });
			const byName = await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomName: 'general' },
			});
			expectError(byName, 400, 'invalid-params');
			expect(byName.body.error).toBe("must have required property 'roomId' [invalid-params]");
			const both = await call(sb, 'GET', 'channels.messages', {
				auth: ivan,
				query: { roomId: sb.fixtures.channels.general._id, roomName: 'general' },
			});
			expectError(both, 400, 'invalid-params');
		}
	});

	it('counts what the validators checked', async () => {
		const stats = sb.validation();
		expect(stats.validated).toBeGreaterThan(stats.rejected);
		expect(stats.rejected).toBeGreaterThan(0);
		expect(Object.keys(stats.forms)).toEqual(
			expect.arrayContaining(['GET channels.members ?roomId&status[]']),
		);
	});
});
