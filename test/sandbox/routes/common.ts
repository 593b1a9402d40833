/**
 * Helpers shared by the route modules: permission checks and Rocket.Chat's lookups.
 */
import type { ApiContext } from '../core';
import { invalidUserParam, missingParam, permissionDenied, roomNotFound } from '../errors';
import { optString, type Params } from '../params';
import type { RoomRecord, UserRecord } from '../state';

export function requireAdmin(ctx: ApiContext): void {
	if (!ctx.core.state.isAdmin(ctx.user)) throw permissionDenied();
}

/** Rocket.Chat's id-or-name pair: both are read, and one of them is required (else `idKey` is missing). */
function idOrName(params: Params, idKey: string, nameKey: string): { id?: string; name?: string } {
	const id = optString(params, idKey);
	const name = optString(params, nameKey);
	if (!id && !name) throw missingParam(idKey);
	return { id, name };
}

/** Rocket.Chat's findChannelByIdOrName: roomId | roomName, public channels only. */
export function findChannel(
	ctx: ApiContext,
	params: Params,
	idKey = 'roomId',
	nameKey = 'roomName',
): RoomRecord {
	const { id, name } = idOrName(params, idKey, nameKey);
	const { state } = ctx.core;
	const room = id ? state.rooms.get(id) : state.roomByName(name as string);
	if (!room || room.t !== 'c') throw roomNotFound();
	return room;
}

/** Rocket.Chat's getUserFromParams: userId | username. */
export function userFromParams(
	ctx: ApiContext,
	params: Params,
	idKey = 'userId',
	nameKey = 'username',
): UserRecord {
	const { id, name } = idOrName(params, idKey, nameKey);
	const { state } = ctx.core;
	const user = id ? state.userById(id) : state.userByUsername(name);
	if (!user) throw invalidUserParam();
	return user;
}

/** Room owner or admin: the default holders of set-owner, set-moderator, set-leader, delete-c, edit-room. */
export function isOwnerOrAdmin(ctx: ApiContext, rid: string): boolean {
	return ctx.core.state.isAdmin(ctx.user) || ctx.core.state.hasRoomRole(rid, ctx.user._id, 'owner');
}

/** Owner, moderator or admin: remove-user, pin-message, delete-message. */
export function isModeratorOrAbove(ctx: ApiContext, rid: string): boolean {
	const { state } = ctx.core;
	return (
		state.isAdmin(ctx.user) ||
		state.hasRoomRole(rid, ctx.user._id, 'owner') ||
		state.hasRoomRole(rid, ctx.user._id, 'moderator')
	);
}
