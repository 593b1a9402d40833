/**
 * A conference's lifecycle: create (BOOKED), update, start (STARTED) and end (ENDED, the meeting
 * server's doing in real life: Sandbox.endConference), plus the Jitsi access token of a conference.
 */
import { createHmac } from 'crypto';

import type { ApiContext, SandboxCore } from '../../core';
import { invalidParams, meteorError, missingParam, notAllowed, roomNotFound } from '../../errors';
import {
	bodyObject,
	optBool,
	optNumber,
	optObject,
	optString,
	optStringArray,
	reqString,
	type Params,
} from '../../params';
import type { ConferenceRecord, RoomRecord, SandboxState } from '../../state';
import { isPlainObject, objectId } from '../../util';
import { byNumber, canManage, canView, invite, requireView, usersByIds } from './access';
import { createChatRoom } from './chat';
import { presentBasic } from './present';
import { addMeetingArtefacts } from './records';

const TYPES = ['REGULAR', 'FIX', 'PERMANENT', 'INSTANT'];

function readInvitations(c: Params, state: SandboxState): string[] {
	if (c.invitations === undefined || c.invitations === null) return [];
	if (!Array.isArray(c.invitations)) throw invalidParams("'conference/invitations' must be array");
	return c.invitations.map((inv, i) => {
		if (!isPlainObject(inv) || typeof inv.id !== 'string')
			throw invalidParams(`'conference/invitations/${i}' must have string property 'id'`);
		if (!state.users.has(inv.id))
			throw meteorError('error-invalid-user', 'Invalid user', { method: 'createConference' });
		return inv.id;
	});
}

function readSettings(
	c: Params,
	current?: ConferenceRecord['conferenceSettings'],
): ConferenceRecord['conferenceSettings'] {
	const s = optObject(c, 'conferenceSettings') ?? {};
	return {
		audioMute: optBool(s, 'audioMute') ?? current?.audioMute ?? false,
		videoMute: optBool(s, 'videoMute') ?? current?.videoMute ?? false,
		waitingRoomEnable: optBool(s, 'waitingRoomEnable') ?? current?.waitingRoomEnable ?? false,
	};
}

function readPlanned(c: Params, conf?: ConferenceRecord): { start?: number; end?: number } {
	const start = optNumber(c, 'plannedStartTime') ?? conf?.plannedStartTime;
	const end = optNumber(c, 'plannedEndTime') ?? conf?.plannedEndTime;
	if (start !== undefined && end !== undefined && end < start) {
		throw invalidParams("'conference/plannedEndTime' must not be before 'plannedStartTime'");
	}
	return { start, end };
}

function conferenceParam(ctx: ApiContext): Params {
	const p = bodyObject(ctx.body);
	const c = optObject(p, 'conference');
	if (!c) throw missingParam('conference');
	return c;
}

// Manual 3.8.5
export function createConference(ctx: ApiContext): unknown {
	const c = conferenceParam(ctx);
	const { state } = ctx.core;
	const rid = optString(c, 'rid');
	let room: RoomRecord | undefined;
	if (rid) {
		room = state.rooms.get(rid);
		if (!room) throw roomNotFound();
		if (!state.canAccessRoom(room, ctx.user)) throw notAllowed('createConference');
	}
	const type = optString(c, 'type') ?? 'REGULAR';
	if (!TYPES.includes(type))
		throw invalidParams(
			`'conference/type' must be equal to one of the allowed values: ${TYPES.join(', ')}`,
		);
	const name =
		optString(c, 'name') || (room ? `Встреча в «${room.fname ?? room.name ?? 'чате'}»` : 'Встреча');
	const password = optString(c, 'password');
	const invitations = readInvitations(c, state);
	const settings = readSettings(c);
	const planned = readPlanned(c);
	const createChat = optBool(c, 'createChat') ?? false;
	const showChat = optBool(c, 'showChat') ?? true;
	const persistentChat = optBool(c, 'persistentChat') ?? false;
	const now = Date.now();
	const conf = state.addConference({
		name,
		status: 'BOOKED',
		type,
		rid,
		password,
		conferenceSettings: settings,
		videoAdapter: optString(c, 'adapter') ?? optString(c, 'videoAdapter') ?? 'Jitsi',
		conferenceFormat: optString(c, 'conferenceFormat') ?? 'conference',
		creatorId: ctx.user._id,
		participants: new Map([
			[
				ctx.user._id,
				{ userId: ctx.user._id, role: 'MODERATOR', status: 'PARTICIPATE', invited: false },
			],
		]),
		joined: new Set(),
		createdAt: now,
		updatedAt: now,
		plannedStartTime: planned.start,
		plannedEndTime: planned.end,
		createChat,
		showChat,
		persistentChat,
		records: [],
		countMessages: 0,
		countBreakouts: 0,
	});
	invite(conf, invitations);
	if (createChat) createChatRoom(state, conf, ctx.user, name, '', showChat, persistentChat);
	return { success: true, data: presentBasic(ctx.core, conf) };
}

// Manual 3.8.6
export function updateConference(ctx: ApiContext): unknown {
	const c = conferenceParam(ctx);
	const number = reqString(c, 'number');
	const { state } = ctx.core;
	const conf = byNumber(state, number);
	if (!canManage(ctx, conf)) throw notAllowed('updateConference');
	const rid = optString(c, 'rid');
	const type = optString(c, 'type');
	if (
		(rid !== undefined && rid !== (conf.rid ?? '')) ||
		(type !== undefined && type !== conf.type)
	) {
		throw meteorError('error-not-allowed', 'The rid and type of a conference cannot be changed', {
			method: 'updateConference',
		});
	}
	const name = optString(c, 'name');
	const password = optString(c, 'password');
	const invitations = readInvitations(c, state);
	const settings = readSettings(c, conf.conferenceSettings);
	const planned = readPlanned(c, conf);
	const createChat = optBool(c, 'createChat');
	const showChat = optBool(c, 'showChat');
	const persistentChat = optBool(c, 'persistentChat');
	const format = optString(c, 'conferenceFormat');
	const adapter = optString(c, 'adapter') ?? optString(c, 'videoAdapter');

	if (name) conf.name = name;
	if (password !== undefined) conf.password = password || undefined;
	conf.conferenceSettings = settings;
	conf.plannedStartTime = planned.start;
	conf.plannedEndTime = planned.end;
	if (format) conf.conferenceFormat = format;
	if (adapter) conf.videoAdapter = adapter;
	if (showChat !== undefined) conf.showChat = showChat;
	if (persistentChat !== undefined) conf.persistentChat = persistentChat;
	invite(conf, invitations);
	const chat = conf.chatId ? state.rooms.get(conf.chatId) : undefined;
	if (chat?.conference) {
		chat.conference.hidden = !conf.showChat;
		chat.conference.persistentChat = conf.persistentChat;
		if (name) chat.fname = name;
	}
	if (createChat && !chat)
		createChatRoom(state, conf, ctx.user, conf.name, '', conf.showChat, conf.persistentChat);
	conf.updatedAt = Date.now();
	return { success: true, data: presentBasic(ctx.core, conf) };
}

// Manual 3.8.7
export function startConference(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const number = reqString(p, 'conferenceNumber');
	const rid = reqString(p, 'rid');
	const notify = optBool(p, 'notify') ?? true;
	const all = optBool(p, 'all') ?? false;
	const invited = optStringArray(p, 'invitedUsersIds') ?? [];
	const { state } = ctx.core;
	const conf = byNumber(state, number);
	if (conf.rid !== rid)
		throw meteorError('error-invalid-room', 'The conference does not belong to this room', {
			method: 'startConference',
		});
	const room = state.rooms.get(rid);
	if (!room) throw roomNotFound();
	if (!canView(ctx, conf)) throw notAllowed('startConference');
	if (conf.status === 'STARTED')
		throw meteorError('error-conference-already-started', 'Conference is already started', {
			method: 'startConference',
		});
	const invitees = usersByIds(state, invited, 'startConference').map((u) => u._id);
	if (all) invitees.push(...state.members(rid).map((s) => s.u._id));

	const now = Date.now();
	conf.status = 'STARTED';
	conf.started = now;
	conf.ended = undefined;
	conf.updatedAt = now;
	conf.joined = new Set([ctx.user._id]);
	const me = conf.participants.get(ctx.user._id);
	if (me) me.status = 'PARTICIPATE';
	else
		conf.participants.set(ctx.user._id, {
			userId: ctx.user._id,
			role: 'USER',
			status: 'PARTICIPATE',
			invited: false,
		});
	const others = [...new Set(invitees)].filter((id) => id !== ctx.user._id);
	invite(conf, others);
	if (notify) {
		for (const userId of others) {
			state.calls.push({
				_id: objectId(),
				conferenceId: conf._id,
				userId,
				callerId: ctx.user._id,
				status: 'ringing',
				createdAt: now,
				updatedAt: now,
			});
		}
	}
	return { success: true };
}

/** Ends a running conference (the sandbox stands in for the meeting server here). */
export function endConference(core: SandboxCore, number: string): ConferenceRecord {
	const { state } = core;
	const conf = state.conferenceByNumber(number);
	if (!conf) throw new Error(`No conference with number ${number}`);
	if (conf.status !== 'STARTED')
		throw new Error(`Conference ${number} is ${conf.status}, not STARTED`);
	const now = Date.now();
	const attendees = [...conf.joined];
	for (const userId of attendees) {
		const p = conf.participants.get(userId);
		if (p) p.status = 'PARTICIPATED';
	}
	for (const call of state.calls)
		if (call.conferenceId === conf._id && call.status === 'ringing') call.status = 'declined';
	addMeetingArtefacts(state, conf, conf.started ?? now, now, attendees);
	conf.status = 'ENDED';
	conf.ended = now;
	conf.joined = new Set();
	conf.updatedAt = now;
	return conf;
}

// Manual 3.8.1
export function generateAccessToken(ctx: ApiContext): unknown {
	const number = ctx.query.conferenceNumber;
	if (!number) throw missingParam('conferenceNumber');
	const conf = byNumber(ctx.core.state, number);
	requireView(ctx, conf, 'generateAccessToken');
	const now = Math.floor(Date.now() / 1000);
	const header = { alg: 'HS256', typ: 'JWT' };
	const payload = {
		aud: 'jitsi',
		iss: 'squadus',
		sub: new URL(ctx.core.url || 'http://localhost').hostname,
		room: conf.number,
		iat: now,
		nbf: now,
		exp: now + 3600,
		moderator: canManage(ctx, conf),
		context: {
			user: { id: ctx.user._id, name: ctx.user.name, email: ctx.user.emails[0]?.address ?? '' },
		},
	};
	const encode = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
	const unsigned = `${encode(header)}.${encode(payload)}`;
	const signature = createHmac('sha256', ctx.core.jwtSecret).update(unsigned).digest('base64url');
	return { success: true, data: `${unsigned}.${signature}` };
}
