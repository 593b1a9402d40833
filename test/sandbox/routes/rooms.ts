/**
 * rooms.get — not in the manual: every room the caller is subscribed to (room pickers).
 */
import type { ApiContext, Route } from '../core';
import { invalidParams } from '../errors';
import { presentRoom } from '../present';
import type { RoomRecord } from '../state';

function get(ctx: ApiContext): unknown {
	const { state } = ctx.core;
	let since: number | undefined;
	if (ctx.query.updatedSince) {
		since = Date.parse(ctx.query.updatedSince);
		if (Number.isNaN(since)) throw invalidParams("'updatedSince' must be an ISO 8601 date");
	}
	const rooms = [...state.roomsOf(ctx.user._id)]
		.map((rid) => state.rooms.get(rid))
		.filter((r): r is RoomRecord => !!r && (since === undefined || r.updatedAt > since));
	return { update: rooms.map((r) => presentRoom(state, r)), remove: [], success: true };
}

export const roomRoutes: Route[] = [{ method: 'GET', path: 'rooms.get', handler: get }];
