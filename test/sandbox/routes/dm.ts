/**
 * Direct messages (manual 3.6); every route also answers under `im.`.
 */
import type { ApiContext, Route } from '../core';
import { failure, forbidden, invalidParams, meteorError, missingParam } from '../errors';
import { bodyObject, optBool, page, pagination, reqString, sortParam } from '../params';
import { presentRoom } from '../present';
import { sortDocs } from '../query';
import type { RoomRecord, UserRecord } from '../state';
import { listMessages } from './channels';

// Manual 3.6.1
function create(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	let names: string[];
	if (p.usernames !== undefined && p.usernames !== null) {
		if (typeof p.usernames !== 'string') throw invalidParams("'usernames' must be string");
		names = p.usernames
			.split(',')
			.map((n) => n.trim().replace(/^@/, ''))
			.filter(Boolean);
	} else if (p.username !== undefined && p.username !== null) {
		if (typeof p.username !== 'string') throw invalidParams("'username' must be string");
		names = [p.username.trim().replace(/^@/, '')];
	} else {
		throw missingParam('usernames');
	}
	if (names.length === 0) throw missingParam('usernames');
	const excludeSelf = optBool(p, 'excludeSelf') ?? false;
	const { state } = ctx.core;
	const users = names.map((name) => {
		const user = state.userByUsername(name);
		if (!user)
			throw meteorError('error-invalid-user', 'Invalid user', { method: 'createDirectMessage' });
		return user;
	});
	const everyone: UserRecord[] = excludeSelf ? users : [ctx.user, ...users];
	const room = state.directRoom(everyone.map((u) => u._id)) ?? state.createDirectRoom(everyone);
	const sub = state.subscription(room._id, ctx.user._id);
	if (sub) sub.open = true;
	return { room: { ...presentRoom(state, room), rid: room._id }, success: true };
}

// Manual 3.6.2
function close(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const roomId = reqString(p, 'roomId');
	const { state } = ctx.core;
	const room: RoomRecord | undefined = state.rooms.get(roomId);
	if (room && room.t !== 'd') {
		throw meteorError(
			'error-room-not-found',
			'The required "roomId" param provided does not match any direct message',
		);
	}
	if (room && !state.canAccessRoom(room, ctx.user)) throw forbidden();
	const sub = state.subscription(roomId, ctx.user._id);
	if (!sub) throw failure('The user is not subscribed to the room');
	if (!sub.open) throw failure('The direct message room, is already closed to the sender');
	sub.open = false;
	sub.updatedAt = Date.now();
	return { success: true };
}

/** dm.messages — not in the manual; reads a DM the caller is in (roomId, or username of the other side). */
function messages(ctx: ApiContext): unknown {
	const { roomId, username } = ctx.query;
	if (!roomId && !username) throw missingParam('roomId');
	const { state } = ctx.core;
	const other = username ? state.userByUsername(username) : undefined;
	const room = roomId
		? state.rooms.get(roomId)
		: other
			? state.directRoom([ctx.user._id, other._id])
			: undefined;
	if (!room || room.t !== 'd') {
		throw meteorError(
			'error-room-not-found',
			'The required "roomId" param provided does not match any direct message',
		);
	}
	if (!state.canAccessRoom(room, ctx.user)) throw forbidden();
	return listMessages(state, room, ctx.query, ctx.core.config.maxCount);
}

/** dm.list — not in the manual (Rocket.Chat's im.list): the caller's direct messages; sort, offset, count. */
function list(ctx: ApiContext): unknown {
	const { state } = ctx.core;
	const p = pagination(ctx.query, ctx.core.config.maxCount);
	const rooms = [...state.roomsOf(ctx.user._id)]
		.map((rid) => state.rooms.get(rid))
		.filter((room): room is RoomRecord => room?.t === 'd')
		.map((room) => presentRoom(state, room));
	const sorted = sortDocs(rooms, sortParam(ctx.query) ?? [['_updatedAt', -1]]);
	return page('ims', sorted.slice(p.offset, p.offset + p.count), p, sorted.length);
}

export const dmRoutes: Route[] = (['dm', 'im'] as const).flatMap((prefix): Route[] => [
	{ method: 'POST', path: `${prefix}.create`, handler: create },
	{ method: 'POST', path: `${prefix}.close`, handler: close },
	{ method: 'GET', path: `${prefix}.messages`, handler: messages },
	{ method: 'GET', path: `${prefix}.list`, handler: list },
]);
