/**
 * A conference's participants: invitations by message, calls, and the invitee's answer to a call
 * (accept or decline).
 */
import type { ApiContext } from '../../core';
import { invalidParams, meteorError } from '../../errors';
import { bodyObject, reqString, reqStringArray } from '../../params';
import type { ConferenceRecord, ParticipantStatus, SandboxState, UserRecord } from '../../state';
import { objectId } from '../../util';
import { byMeetingId, byNumber, invite, requireView, usersByIds } from './access';
import { serviceUrl } from './present';

function meetingUsers(
	ctx: ApiContext,
	method: string,
): { conf: ConferenceRecord; users: UserRecord[] } {
	const p = bodyObject(ctx.body);
	const meetingId = reqString(p, 'meetingId');
	const userIds = reqStringArray(p, 'userIds');
	if (userIds.length === 0) throw invalidParams("'userIds' must NOT have fewer than 1 items");
	const { state } = ctx.core;
	const conf = byMeetingId(state, meetingId);
	requireView(ctx, conf, method);
	return { conf, users: usersByIds(state, userIds, method) };
}

// Manual 3.8.8: an invitation message in a DM with each user
export function inviteUsers(ctx: ApiContext): unknown {
	const { conf, users } = meetingUsers(ctx, 'inviteUsers');
	const { state } = ctx.core;
	invite(
		conf,
		users.map((u) => u._id),
	);
	const now = Date.now();
	for (const user of users) {
		let messageId: string | undefined;
		if (user._id !== ctx.user._id) {
			const dm =
				state.directRoom([ctx.user._id, user._id]) ?? state.createDirectRoom([ctx.user, user]);
			messageId = state.addMessage(dm._id, ctx.user, {
				msg: `Приглашение на видеоконференцию «${conf.name}» (№ ${conf.number}): ${serviceUrl(ctx.core, conf)}`,
				t: 'conference-invitation',
				groupable: false,
				customFields: { conferenceId: conf._id, conferenceNumber: conf.number },
			})._id;
		}
		state.invitations.push({
			_id: objectId(),
			conferenceId: conf._id,
			userId: user._id,
			invitedBy: ctx.user._id,
			messageId,
			createdAt: now,
		});
	}
	return { success: true };
}

// Manual 3.8.9: ring the users (the conference must be running)
export function callUsers(ctx: ApiContext): unknown {
	const { conf, users } = meetingUsers(ctx, 'callUsers');
	if (conf.status !== 'STARTED')
		throw meteorError('error-conference-not-started', 'Conference is not started', {
			method: 'callUsers',
		});
	const { state } = ctx.core;
	invite(
		conf,
		users.map((u) => u._id),
	);
	const now = Date.now();
	for (const user of users) {
		state.calls.push({
			_id: objectId(),
			conferenceId: conf._id,
			userId: user._id,
			callerId: ctx.user._id,
			status: 'ringing',
			createdAt: now,
			updatedAt: now,
		});
	}
	return { success: true };
}

function answerCalls(
	state: SandboxState,
	conf: ConferenceRecord,
	userId: string,
	status: 'accepted' | 'declined',
	skipToken: string,
): void {
	const now = Date.now();
	for (const call of state.calls) {
		if (call.conferenceId === conf._id && call.userId === userId && call.status === 'ringing') {
			call.status = status;
			call.updatedAt = now;
			call.skipToken = skipToken;
		}
	}
}

function setParticipant(conf: ConferenceRecord, userId: string, status: ParticipantStatus): void {
	const p = conf.participants.get(userId);
	if (p) p.status = status;
	else conf.participants.set(userId, { userId, role: 'USER', status, invited: false });
}

// Manual 3.8.10
export function acceptCall(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const rid = reqString(p, 'rid');
	const mid = reqString(p, 'mid');
	const number = reqString(p, 'number');
	const skipToken = reqString(p, 'skipToken');
	const { state } = ctx.core;
	const conf = byMeetingId(state, mid);
	// `number` is the conference number or the Jitsi URL that ends with it
	if (number !== conf.number && !number.endsWith(`/${conf.number}`)) {
		throw meteorError('error-invalid-conference-number', 'The number does not match the meeting', {
			method: 'acceptCall',
		});
	}
	if (conf.rid !== rid)
		throw meteorError('error-invalid-room', 'The meeting does not belong to this room', {
			method: 'acceptCall',
		});
	requireView(ctx, conf, 'acceptCall');
	if (conf.status !== 'STARTED')
		throw meteorError('error-conference-not-started', 'Conference is not started', {
			method: 'acceptCall',
		});
	setParticipant(conf, ctx.user._id, 'PARTICIPATE');
	conf.joined.add(ctx.user._id);
	answerCalls(state, conf, ctx.user._id, 'accepted', skipToken);
	return { success: true };
}

// Manual 3.8.11
export function callSkip(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const rid = reqString(p, 'rid');
	const number = reqString(p, 'conferenceNumber');
	const skipToken = reqString(p, 'skipToken');
	const { state } = ctx.core;
	const conf = byNumber(state, number);
	if (conf.rid !== rid)
		throw meteorError('error-invalid-room', 'The conference does not belong to this room', {
			method: 'callSkip',
		});
	requireView(ctx, conf, 'callSkip');
	setParticipant(conf, ctx.user._id, 'DECLINED');
	conf.joined.delete(ctx.user._id);
	answerCalls(state, conf, ctx.user._id, 'declined', skipToken);
	return { success: true };
}
