/**
 * Channels (manual 3.5).
 */
import type { ApiContext, Route } from '../core';
import { failure, forbidden, meteorError, notAllowed, permissionDenied } from '../errors';
import {
	bodyObject,
	jsonParam,
	optBool,
	optString,
	optStringArray,
	page,
	pagination,
	reqString,
	sortParam,
	type Pagination,
	type SortSpec,
} from '../params';
import { presentFile, presentMessage, presentRoom, userPublic } from '../present';
import { matches, project, sortDocs, validateFields } from '../query';
import type { MessageRecord, RoomRecord, SandboxState, UserRecord } from '../state';
import { randomId } from '../util';
import { findChannel, isModeratorOrAbove, isOwnerOrAdmin, userFromParams } from './common';

const ROOM_NAME_RE = /^[\p{L}\p{N}._-]+$/u;

// Manual 3.5.1
function create(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const name = reqString(p, 'name').trim();
	const members = optStringArray(p, 'members') ?? [];
	const teams = optStringArray(p, 'teams') ?? [];
	const readOnly = optBool(p, 'readOnly') ?? false;
	optString(p, 'userId');
	const { state } = ctx.core;
	if (state.users.get(ctx.user._id)?.roles.includes('guest')) throw forbidden();
	if (!ROOM_NAME_RE.test(name)) {
		throw meteorError('error-invalid-room-name', `${name} is not a valid room name`, {
			method: 'createRoom',
			room_name: name,
		});
	}
	if (state.roomByName(name)) {
		throw meteorError('error-duplicate-channel-name', `A channel with name '${name}' exists`, {
			method: 'createRoom',
			channel_name: name,
		});
	}
	const memberIds = new Set<string>();
	for (const teamName of teams) {
		const team = [...state.teams.values()].find((t) => t.name === teamName);
		if (!team) continue;
		for (const sub of state.members(team.roomId)) memberIds.add(sub.u._id);
	}
	for (const username of members) {
		const user = state.userByUsername(username);
		if (user) memberIds.add(user._id);
	}
	memberIds.delete(ctx.user._id);
	const room = state.createRoom({
		t: 'c',
		name,
		creator: ctx.user,
		memberIds: [...memberIds],
		readOnly,
	});
	return { success: true, channel: presentRoom(state, room) };
}

// Manual 3.5.2
function info(ctx: ApiContext): unknown {
	const room = findChannel(ctx, ctx.query);
	return { success: true, channel: presentRoom(ctx.core.state, room) };
}

type RoomRole = 'owner' | 'moderator' | 'leader';

const ROLE_TEXT: Record<
	RoomRole,
	{ method: string; already: string; alreadyText: string; not: string; notText: string }
> = {
	owner: {
		method: 'RoomOwner',
		already: 'error-user-already-owner',
		alreadyText: 'User is already an owner',
		not: 'error-user-not-owner',
		notText: 'User is not an owner',
	},
	moderator: {
		method: 'RoomModerator',
		already: 'error-user-already-moderator',
		alreadyText: 'User is already a moderator',
		not: 'error-user-not-moderator',
		notText: 'User is not a moderator',
	},
	leader: {
		method: 'RoomLeader',
		already: 'error-user-already-leader',
		alreadyText: 'User is already a leader',
		not: 'error-user-not-leader',
		notText: 'User is not a leader',
	},
};

// Manual 3.5.3-3.5.5 and 3.5.11-3.5.13
function changeRole(ctx: ApiContext, role: RoomRole, add: boolean): unknown {
	const p = bodyObject(ctx.body);
	const room = findChannel(ctx, p);
	const user = userFromParams(ctx, p);
	const text = ROLE_TEXT[role];
	const method = `${add ? 'add' : 'remove'}${text.method}`;
	if (!isOwnerOrAdmin(ctx, room._id)) throw notAllowed(method);
	const { state } = ctx.core;
	const sub = state.subscription(room._id, user._id);
	if (!sub) {
		throw add
			? meteorError('error-user-not-in-room', 'User is not in this room', { method })
			: meteorError('error-invalid-room', 'Invalid room', { method });
	}
	const has = sub.roles.includes(role);
	if (add) {
		if (has) throw meteorError(text.already, text.alreadyText, { method });
		sub.roles.push(role);
	} else {
		if (!has) throw meteorError(text.not, text.notText, { method });
		if (
			role === 'owner' &&
			state.members(room._id).filter((s) => s.roles.includes('owner')).length === 1
		) {
			throw meteorError(
				'error-remove-last-owner',
				'This is the last owner. Please set a new owner before removing this one.',
				{ method },
			);
		}
		sub.roles = sub.roles.filter((r) => r !== role);
	}
	sub.updatedAt = Date.now();
	return { success: true };
}

// Manual 3.5.6
function addAll(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const room = findChannel(ctx, p);
	const activeUsersOnly = optBool(p, 'activeUsersOnly') ?? false;
	const { state } = ctx.core;
	if (!state.isAdmin(ctx.user)) throw notAllowed('addAllToRoom');
	for (const user of state.users.values()) {
		if (activeUsersOnly && !user.active) continue;
		state.subscribe(room._id, user._id);
	}
	state.logChange(ctx.user.username, 'Room_AddAllUsers', room.name);
	return { success: true, channel: presentRoom(state, room) };
}

// Manual 3.5.7
function files(ctx: ApiContext): unknown {
	const room = findChannel(ctx, ctx.query);
	const { state } = ctx.core;
	if (!state.canAccessRoom(room, ctx.user)) throw forbidden();
	const p = pagination(ctx.query, ctx.core.config.maxCount);
	const sort = sortParam(ctx.query) ?? [['name', 1]];
	const query = jsonParam(ctx.query, 'query');
	const fields = jsonParam(ctx.query, 'fields');
	validateFields(fields);
	const nameFilter = ctx.query.name?.toLowerCase();
	const typeGroup = ctx.query.typeGroup;
	let docs = [...state.files.values()]
		.filter((f) => f.rid === room._id && !f.hidden)
		.map((f) => presentFile(state, f));
	if (nameFilter) docs = docs.filter((d) => String(d.name).toLowerCase().includes(nameFilter));
	if (typeGroup) docs = docs.filter((d) => d.typeGroup === typeGroup);
	if (query) docs = docs.filter((d) => matches(d, query));
	sortDocs(docs, sort);
	const items = docs.slice(p.offset, p.offset + p.count).map((d) => project(d, fields));
	return page('files', items, p, docs.length);
}

function listRooms(ctx: ApiContext, rooms: RoomRecord[]): unknown {
	const p = pagination(ctx.query, ctx.core.config.maxCount);
	const sort = sortParam(ctx.query) ?? [['name', 1]];
	const query = jsonParam(ctx.query, 'query');
	const fields = jsonParam(ctx.query, 'fields');
	validateFields(fields);
	const { state } = ctx.core;
	let docs = rooms.map((room) => presentRoom(state, room));
	if (query) docs = docs.filter((d) => matches(d, query));
	sortDocs(docs, sort);
	const items = docs.slice(p.offset, p.offset + p.count).map((d) => project(d, fields));
	return page('channels', items, p, docs.length);
}

// Manual 3.5.8: every public channel (team channels only for their members)
function list(ctx: ApiContext): unknown {
	const { state } = ctx.core;
	const mine = state.roomsOf(ctx.user._id);
	const rooms = [...state.rooms.values()].filter(
		(r) =>
			r.t === 'c' &&
			(!r.teamId || r.teamMain || mine.has(r._id)) &&
			(!ctx.query._id || r._id === ctx.query._id),
	);
	return listRooms(ctx, rooms);
}

/** Rocket.Chat channels.list.joined — not in the manual, for pickers of the caller's channels. */
function listJoined(ctx: ApiContext): unknown {
	const { state } = ctx.core;
	const rooms = [...state.roomsOf(ctx.user._id)]
		.map((rid) => state.rooms.get(rid))
		.filter((r): r is RoomRecord => r?.t === 'c');
	return listRooms(ctx, rooms);
}

// Manual 3.5.9
function members(ctx: ApiContext): unknown {
	const room = findChannel(ctx, ctx.query);
	const { state } = ctx.core;
	const p = pagination(ctx.query, ctx.core.config.maxCount);
	const sort = sortParam(ctx.query);
	const direction = sort?.find(([field]) => field === 'username')?.[1] ?? 1;
	// Rocket.Chat takes `status[]=online&status[]=away`: its Match check (rocketchat/validators.ts)
	// refuses a string before this handler runs.
	const status = ctx.queryParams.status;
	const statuses = Array.isArray(status) ? status : undefined;
	const ids = ctx.query.ids
		? ctx.query.ids
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		: undefined;
	const filter = ctx.query.filter?.toLowerCase();
	let users = state
		.members(room._id)
		.map((sub) => state.users.get(sub.u._id))
		.filter((u): u is UserRecord => !!u && u.active);
	if (statuses) users = users.filter((u) => statuses.includes(u.status));
	if (ids) users = users.filter((u) => ids.includes(u._id));
	if (filter) {
		users = users.filter((u) =>
			[u.username, u.name, u.bio, u.nickname].some(
				(v) => v !== undefined && v.toLowerCase().includes(filter),
			),
		);
	}
	users.sort((a, b) => a.username.localeCompare(b.username) * direction);
	const items = users
		.slice(p.offset, p.offset + p.count)
		.map((u) => ({ ...userPublic(u), roles: [...u.roles] }));
	return page('members', items, p, users.length);
}

/**
 * Messages of a room, newest first by default. The common case (no filter, sort by ts) is a slice of
 * the room's ordered array: O(page) even with 50,000 messages.
 */
export function listMessages(
	state: SandboxState,
	room: RoomRecord,
	q: Record<string, string>,
	maxCount: number,
): unknown {
	const p: Pagination = pagination(q, maxCount);
	const sort: SortSpec | undefined = sortParam(q);
	const query = jsonParam(q, 'query');
	const fields = jsonParam(q, 'fields');
	validateFields(fields);
	const split = (v: string | undefined): string[] | undefined =>
		v
			? v
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)
			: undefined;
	const mentionIds = split(q.mentionIds);
	const starredIds = split(q.starredIds);
	const pinnedOnly = q.pinned?.toLowerCase() === 'true';
	const list = state.roomMessages.get(room._id) ?? [];

	const bySimpleTs = !sort || (sort.length === 1 && sort[0][0] === 'ts');
	if (bySimpleTs && !query && !mentionIds && !starredIds && !pinnedOnly) {
		const total = list.length;
		let slice: MessageRecord[];
		if (!sort || sort[0][1] === -1) {
			const end = total - p.offset;
			slice = end > 0 ? list.slice(Math.max(0, end - p.count), end).reverse() : [];
		} else {
			slice = list.slice(p.offset, p.offset + p.count);
		}
		return page(
			'messages',
			slice.map((m) => project(presentMessage(state, m), fields)),
			p,
			total,
		);
	}

	let raw = list;
	if (mentionIds) raw = raw.filter((m) => m.mentions.some((x) => mentionIds.includes(x._id)));
	if (starredIds) raw = raw.filter((m) => m.starredBy.some((id) => starredIds.includes(id)));
	if (pinnedOnly) raw = raw.filter((m) => m.pinned);
	let docs = raw.map((m) => presentMessage(state, m));
	if (query) docs = docs.filter((d) => matches(d, query));
	sortDocs(docs, sort ?? [['ts', -1]]);
	const items = docs.slice(p.offset, p.offset + p.count).map((d) => project(d, fields));
	return page('messages', items, p, docs.length);
}

// Manual 3.5.10
function messages(ctx: ApiContext): unknown {
	const room = findChannel(ctx, ctx.query);
	const { state } = ctx.core;
	// view-joined-room holders (bots, guests) only read the channels they are in
	const restricted = state.isBot(ctx.user) || ctx.user.roles.includes('guest');
	if (restricted && !state.subscription(room._id, ctx.user._id) && !state.isAdmin(ctx.user))
		throw forbidden();
	return listMessages(state, room, ctx.query, ctx.core.config.maxCount);
}

// Manual 3.5.14
function kick(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const room = findChannel(ctx, p);
	const user = userFromParams(ctx, p);
	const { state } = ctx.core;
	const method = 'removeUserFromRoom';
	if (!isModeratorOrAbove(ctx, room._id))
		throw meteorError('error-not-allowed', 'Not allowed', { method });
	const sub = state.subscription(room._id, user._id);
	if (!sub) throw meteorError('error-user-not-in-room', 'User is not in this room', { method });
	if (
		sub.roles.includes('owner') &&
		state.members(room._id).filter((s) => s.roles.includes('owner')).length === 1
	) {
		throw meteorError(
			'error-you-are-last-owner',
			'You are the last owner. Please set new owner before leaving the room.',
			{ method },
		);
	}
	state.unsubscribe(room._id, user._id);
	return { success: true, channel: presentRoom(state, room) };
}

// Manual 3.5.15: hides the channel from the caller's list
function close(ctx: ApiContext): unknown {
	const room = findChannel(ctx, bodyObject(ctx.body));
	const sub = ctx.core.state.subscription(room._id, ctx.user._id);
	if (!sub)
		throw failure(
			`The user/callee is not in the channel "${room.name}".`,
			'error-user-not-in-room',
		);
	if (!sub.open) throw failure(`The channel, ${room.name}, is already closed to the sender`);
	sub.open = false;
	sub.updatedAt = Date.now();
	return { success: true };
}

// Manual 3.5.16
function remove(ctx: ApiContext): unknown {
	const room = findChannel(ctx, bodyObject(ctx.body));
	if (!isOwnerOrAdmin(ctx, room._id)) throw notAllowed('eraseRoom');
	const { state } = ctx.core;
	state.removeRoom(room._id);
	if (state.isAdmin(ctx.user)) state.logChange(ctx.user.username, 'Room_Deleted', room.name);
	return { success: true };
}

// Manual 3.5.17
function convertToTeam(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const room = findChannel(ctx, p, 'channelId', 'channelName');
	const { state } = ctx.core;
	if (ctx.user.roles.includes('guest') || state.isBot(ctx.user)) throw permissionDenied();
	if (!isOwnerOrAdmin(ctx, room._id)) throw forbidden();
	if (room.teamMain || room.teamId) throw failure('team-name-already-exists');
	const now = Date.now();
	const team = {
		_id: randomId(),
		name: room.name ?? room._id,
		type: 0 as const,
		roomId: room._id,
		createdBy: { _id: ctx.user._id, username: ctx.user.username },
		createdAt: now,
		updatedAt: now,
	};
	state.teams.set(team._id, team);
	room.teamMain = true;
	room.teamId = team._id;
	room.updatedAt = now;
	const at = new Date(now).toISOString();
	return {
		success: true,
		team: {
			_id: team._id,
			name: team.name,
			type: team.type,
			roomId: team.roomId,
			createdBy: team.createdBy,
			createdAt: at,
			_updatedAt: at,
		},
	};
}

function roleRoute(path: string, role: RoomRole, add: boolean): Route {
	return { method: 'POST', path, handler: (ctx) => changeRole(ctx, role, add) };
}

export const channelRoutes: Route[] = [
	{ method: 'POST', path: 'channels.create', handler: create },
	{ method: 'GET', path: 'channels.info', handler: info },
	roleRoute('channels.addOwner', 'owner', true),
	roleRoute('channels.addModerator', 'moderator', true),
	roleRoute('channels.addLeader', 'leader', true),
	{ method: 'POST', path: 'channels.addAll', handler: addAll },
	{ method: 'GET', path: 'channels.files', handler: files },
	{ method: 'GET', path: 'channels.list', handler: list },
	{ method: 'GET', path: 'channels.list.joined', handler: listJoined },
	{ method: 'GET', path: 'channels.members', handler: members },
	{ method: 'GET', path: 'channels.messages', handler: messages },
	roleRoute('channels.removeModerator', 'moderator', false),
	roleRoute('channels.removeLeader', 'leader', false),
	roleRoute('channels.removeOwner', 'owner', false),
	{ method: 'POST', path: 'channels.kick', handler: kick },
	{ method: 'POST', path: 'channels.close', handler: close },
	{ method: 'POST', path: 'channels.delete', handler: remove },
	{ method: 'POST', path: 'channels.convertToTeam', handler: convertToTeam },
];
