/**
 * Conference lookups and permissions shared by the conference routes: not-found errors, who may
 * view or manage a conference, inviting users as participants.
 */
import type { ApiContext } from '../../core';
import { meteorError, notAllowed } from '../../errors';
import type { ConferenceRecord, SandboxState, UserRecord } from '../../state';

function conferenceNotFound(): never {
	throw meteorError('error-conference-not-found', 'Conference not found');
}

function meetingNotFound(): never {
	throw meteorError('error-meeting-not-found', 'Meeting not found');
}

export function byNumber(state: SandboxState, number: string): ConferenceRecord {
	return state.conferenceByNumber(number) ?? conferenceNotFound();
}

export function byMeetingId(state: SandboxState, id: string): ConferenceRecord {
	return state.conferences.get(id) ?? meetingNotFound();
}

export function canView(ctx: ApiContext, conf: ConferenceRecord): boolean {
	const { state } = ctx.core;
	if (
		state.isAdmin(ctx.user) ||
		conf.creatorId === ctx.user._id ||
		conf.participants.has(ctx.user._id)
	)
		return true;
	const room = conf.rid ? state.rooms.get(conf.rid) : undefined;
	return !!room && state.canAccessRoom(room, ctx.user);
}

export function canManage(ctx: ApiContext, conf: ConferenceRecord): boolean {
	const { state } = ctx.core;
	if (state.isAdmin(ctx.user) || conf.creatorId === ctx.user._id) return true;
	if (conf.participants.get(ctx.user._id)?.role === 'MODERATOR') return true;
	return !!conf.rid && state.hasRoomRole(conf.rid, ctx.user._id, 'owner');
}

export function requireView(ctx: ApiContext, conf: ConferenceRecord, method: string): void {
	if (!canView(ctx, conf)) throw notAllowed(method);
}

/** Invites users: adds them as participants (NOT_ANSWERED) unless they already are. */
export function invite(conf: ConferenceRecord, userIds: string[]): void {
	for (const userId of userIds) {
		if (!conf.participants.has(userId)) {
			conf.participants.set(userId, {
				userId,
				role: 'USER',
				status: 'NOT_ANSWERED',
				invited: true,
			});
		}
	}
}

export function usersByIds(state: SandboxState, ids: string[], method: string): UserRecord[] {
	return ids.map((id) => {
		const user = state.users.get(id);
		if (!user) throw meteorError('error-invalid-user', 'Invalid user', { method });
		return user;
	});
}
