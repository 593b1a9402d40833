/**
 * Video conferences (manual 3.8) and meeting records (3.9).
 *
 * A conference's `_id` is also its meeting id (`meetingId`, `mid`): the manual's meeting info is the
 * conference document plus its records and chat/speech artefacts. Lifecycle: BOOKED -> STARTED
 * (scc.startConference) -> ENDED (Sandbox.endConference, the meeting server's doing in real life).
 */
import { createHmac } from 'crypto';

import type { ApiContext, Route, SandboxCore } from '../core';
import { invalidParams, meteorError, missingParam, notAllowed, roomNotFound } from '../errors';
import {
	bodyObject,
	optBool,
	optNumber,
	optObject,
	optString,
	optStringArray,
	page,
	pagination,
	reqBool,
	reqString,
	reqStringArray,
	type Params,
} from '../params';
import { presentRoom } from '../present';
import type {
	ConferenceRecord,
	ConferenceStatus,
	ParticipantRecord,
	ParticipantStatus,
	RoomRecord,
	SandboxState,
	UserRecord,
} from '../state';
import { fileUrl } from '../state';
import { isPlainObject, iso, objectId } from '../util';

const TYPES = ['REGULAR', 'FIX', 'PERMANENT', 'INSTANT'];
const STATUSES: ConferenceStatus[] = ['STARTED', 'CREATED', 'ENDED', 'BOOKED'];
const ROLES = ['MODERATOR', 'USER'];
const SORT_FIELDS = ['rid', 'name', 'status', 'type', 'number', 'createdAt', 'started', 'ended'];
const FILTERS: Record<string, ParticipantStatus | 'all'> = {
	all: 'all',
	participate: 'PARTICIPATE',
	participated: 'PARTICIPATED',
	declined: 'DECLINED',
	'not answered': 'NOT_ANSWERED',
	not_answered: 'NOT_ANSWERED',
};

function conferenceNotFound(): never {
	throw meteorError('error-conference-not-found', 'Conference not found');
}

function meetingNotFound(): never {
	throw meteorError('error-meeting-not-found', 'Meeting not found');
}

function byNumber(state: SandboxState, number: string): ConferenceRecord {
	return state.conferenceByNumber(number) ?? conferenceNotFound();
}

function byMeetingId(state: SandboxState, id: string): ConferenceRecord {
	return state.conferences.get(id) ?? meetingNotFound();
}

function canView(ctx: ApiContext, conf: ConferenceRecord): boolean {
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

function canManage(ctx: ApiContext, conf: ConferenceRecord): boolean {
	const { state } = ctx.core;
	if (state.isAdmin(ctx.user) || conf.creatorId === ctx.user._id) return true;
	if (conf.participants.get(ctx.user._id)?.role === 'MODERATOR') return true;
	return !!conf.rid && state.hasRoomRole(conf.rid, ctx.user._id, 'owner');
}

function requireView(ctx: ApiContext, conf: ConferenceRecord, method: string): void {
	if (!canView(ctx, conf)) throw notAllowed(method);
}

function ref(state: SandboxState, userId: string): { id: string; name: string } {
	const user = state.users.get(userId);
	return { id: userId, name: user?.name ?? user?.username ?? '' };
}

function serviceUrl(core: SandboxCore, conf: ConferenceRecord): string {
	return `${core.url}/conference/${conf.number}`;
}

function presentBasic(core: SandboxCore, conf: ConferenceRecord): Record<string, unknown> {
	const { state } = core;
	return {
		_id: conf._id,
		name: conf.name,
		number: conf.number,
		lobbyStarted: false,
		status: conf.status,
		type: conf.type,
		rid: conf.rid ?? null,
		chatId: conf.chatId ?? null,
		conferenceSettings: { ...conf.conferenceSettings },
		videoAdapter: conf.videoAdapter,
		conferenceFormat: conf.conferenceFormat,
		creator: ref(state, conf.creatorId),
		participants: [...conf.participants.keys()].map((id) => ref(state, id)),
		serviceUrl: serviceUrl(core, conf),
		createdAt: iso(conf.createdAt),
		started: iso(conf.started),
		ended: iso(conf.ended),
		plannedStartTime: iso(conf.plannedStartTime),
		plannedEndTime: iso(conf.plannedEndTime),
	};
}

function presentParticipant(state: SandboxState, p: ParticipantRecord): Record<string, unknown> {
	const user = state.users.get(p.userId);
	return {
		_id: p.userId,
		username: user?.username ?? null,
		name: user?.name ?? null,
		status: user?.status ?? 'offline',
		statusText: user?.statusText ?? '',
		invited: p.invited,
		conferenceStatus: p.status,
		role: p.role,
		utcOffset: user?.utcOffset ?? 0,
		avatarETag: null,
		guest: !user,
	};
}

function presentRecording(
	core: SandboxCore,
	conf: ConferenceRecord,
): Array<Record<string, unknown>> {
	return conf.records.map((r) => {
		const file = core.state.files.get(r.fileId);
		return {
			id: r.id,
			status: r.status,
			startAt: iso(r.startAt),
			endAt: iso(r.endAt),
			availableTo: [...r.availableTo],
			url: file ? fileUrl(file) : null,
			shared: r.shared,
		};
	});
}

function artefactLink(core: SandboxCore, fileId: string | undefined): string | null {
	const file = fileId ? core.state.files.get(fileId) : undefined;
	return file ? fileUrl(file) : null;
}

function presentMeeting(core: SandboxCore, conf: ConferenceRecord): Record<string, unknown> {
	const basic = presentBasic(core, conf);
	const { _id, lobbyStarted: _lobby, serviceUrl: _url, ...rest } = basic;
	return {
		id: _id,
		...rest,
		records: presentRecording(core, conf),
		countBreakouts: conf.countBreakouts,
		chatFileId: conf.chatFileId ?? null,
		chatDownloadLink: artefactLink(core, conf.chatFileId),
		countMessages: conf.countMessages,
		hasSpeech: !!conf.speechFileId,
		speechFileId: conf.speechFileId ?? null,
		speechDownloadLink: artefactLink(core, conf.speechFileId),
	};
}

function presentListItem(
	core: SandboxCore,
	conf: ConferenceRecord,
	viewerId: string,
): Record<string, unknown> {
	const p = conf.participants.get(viewerId);
	return {
		id: conf._id,
		name: conf.name,
		number: conf.number,
		status: conf.status,
		type: conf.type,
		rid: conf.rid ?? null,
		creator: ref(core.state, conf.creatorId),
		createdAt: iso(conf.createdAt),
		started: iso(conf.started),
		ended: iso(conf.ended),
		plannedStartTime: iso(conf.plannedStartTime),
		plannedEndTime: iso(conf.plannedEndTime),
		userInfo: p ? { id: viewerId, status: p.status, role: p.role } : null,
		records: conf.records.map((r) => ({ id: r.id, status: r.status })),
	};
}

/** Invites users: adds them as participants (NOT_ANSWERED) unless they already are. */
function invite(conf: ConferenceRecord, userIds: string[]): void {
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

function usersByIds(state: SandboxState, ids: string[], method: string): UserRecord[] {
	return ids.map((id) => {
		const user = state.users.get(id);
		if (!user) throw meteorError('error-invalid-user', 'Invalid user', { method });
		return user;
	});
}

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

function createChatRoom(
	state: SandboxState,
	conf: ConferenceRecord,
	creator: UserRecord,
	name: string,
	description: string,
	showChat: boolean,
	persistentChat: boolean,
): RoomRecord {
	let roomName = `conference-${conf.number}`;
	while (state.roomByName(roomName)) roomName = `conference-${conf.number}-${objectId().slice(-4)}`;
	const members = new Set<string>(
		[...conf.participants.keys()].filter((id) => state.users.has(id) && id !== creator._id),
	);
	const room = state.createRoom({
		t: 'p',
		name: roomName,
		creator,
		memberIds: [...members],
		description,
	});
	room.fname = name;
	room.conference = {
		conferenceId: conf._id,
		number: conf.number,
		type: conf.type,
		hidden: !showChat,
		persistentChat,
	};
	conf.chatId = room._id;
	conf.showChat = showChat;
	conf.persistentChat = persistentChat;
	return room;
}

// Manual 3.8.5
function createConference(ctx: ApiContext): unknown {
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
function updateConference(ctx: ApiContext): unknown {
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
function startConference(ctx: ApiContext): unknown {
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
function inviteUsers(ctx: ApiContext): unknown {
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
function callUsers(ctx: ApiContext): unknown {
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
function acceptCall(ctx: ApiContext): unknown {
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
function callSkip(ctx: ApiContext): unknown {
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

interface ListFilters {
	requireRid: boolean;
	withRoleFilters: boolean;
}

function listConferences(
	ctx: ApiContext,
	candidates: (state: SandboxState) => ConferenceRecord[],
	options: ListFilters,
): unknown {
	const q = ctx.query;
	const { state } = ctx.core;
	const p = pagination(q, ctx.core.config.maxCount);
	const sortField = q.sort || 'createdAt';
	if (!SORT_FIELDS.includes(sortField))
		throw invalidParams(
			`'sort' must be equal to one of the allowed values: ${SORT_FIELDS.join(', ')}`,
		);
	const sortOrder = (q.sortOrder || 'desc').toLowerCase();
	if (sortOrder !== 'asc' && sortOrder !== 'desc')
		throw invalidParams("'sortOrder' must be equal to one of the allowed values: asc, desc");
	const status = q.status;
	if (status && !STATUSES.includes(status as ConferenceStatus)) {
		throw invalidParams(
			`'status' must be equal to one of the allowed values: ${STATUSES.join(', ')}`,
		);
	}
	const role = options.withRoleFilters ? q.role : undefined;
	if (role && !ROLES.includes(role))
		throw invalidParams(`'role' must be equal to one of the allowed values: ${ROLES.join(', ')}`);
	const hasRecords = options.withRoleFilters ? q.hasRecords : undefined;
	if (
		hasRecords !== undefined &&
		hasRecords !== '' &&
		hasRecords !== 'true' &&
		hasRecords !== 'false'
	) {
		throw invalidParams("'hasRecords' must be boolean");
	}
	let startedAfter: number | undefined;
	if (q.startedAfter) {
		startedAfter = Date.parse(q.startedAfter);
		if (Number.isNaN(startedAfter)) throw invalidParams("'startedAfter' must be an ISO 8601 date");
	}
	const rid = q.rid;
	if (options.requireRid) {
		if (!rid) throw missingParam('rid');
		const room = state.rooms.get(rid);
		if (!room) throw roomNotFound();
		if (!state.canAccessRoom(room, ctx.user) && !state.isAdmin(ctx.user))
			throw notAllowed('getRoomConferences');
	}
	const userId = options.withRoleFilters ? q.userId : undefined;
	const subject = userId || ctx.user._id;
	const name = q.name?.toLowerCase();

	let list = candidates(state);
	if (rid) list = list.filter((c) => c.rid === rid);
	if (name) list = list.filter((c) => c.name.toLowerCase().includes(name));
	if (status) list = list.filter((c) => c.status === status);
	if (userId) list = list.filter((c) => c.participants.has(userId));
	if (role) list = list.filter((c) => c.participants.get(subject)?.role === role);
	if (hasRecords === 'true') list = list.filter((c) => c.records.length > 0);
	if (hasRecords === 'false') list = list.filter((c) => c.records.length === 0);
	if (startedAfter !== undefined)
		list = list.filter((c) => c.started !== undefined && c.started >= startedAfter!);

	const direction = sortOrder === 'asc' ? 1 : -1;
	const key = (c: ConferenceRecord): string | number => {
		const v = (c as unknown as Record<string, unknown>)[sortField];
		return typeof v === 'number' || typeof v === 'string' ? v : '';
	};
	list.sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		return (ka < kb ? -1 : ka > kb ? 1 : 0) * direction;
	});
	const items = list
		.slice(p.offset, p.offset + p.count)
		.map((c) => presentListItem(ctx.core, c, subject));
	return page('results', items, p, list.length);
}

// Manual 3.8.1
function generateAccessToken(ctx: ApiContext): unknown {
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

// Manual 3.8.2
function getConferenceInfo(ctx: ApiContext): unknown {
	const number = ctx.query.conferenceNumber;
	if (!number) throw missingParam('conferenceNumber');
	const conf = byNumber(ctx.core.state, number);
	requireView(ctx, conf, 'getConferenceInfo');
	return { success: true, data: presentBasic(ctx.core, conf) };
}

// Manual 3.8.3
function getFullConferenceInfo(ctx: ApiContext): unknown {
	const q = ctx.query;
	if (!q.conferenceNumber) throw missingParam('conferenceNumber');
	const filterKey = (q.filter || 'all').toLowerCase();
	const filter = FILTERS[filterKey];
	if (!filter)
		throw invalidParams(
			"'filter' must be equal to one of the allowed values: all, participate, participated, declined, not answered",
		);
	const p = pagination(q, ctx.core.config.maxCount);
	const { state } = ctx.core;
	const conf = byNumber(state, q.conferenceNumber);
	requireView(ctx, conf, 'getFullConferenceInfo');
	let participants = [...conf.participants.values()];
	if (filter !== 'all') participants = participants.filter((x) => x.status === filter);
	if (q.username) {
		const needle = q.username.toLowerCase();
		participants = participants.filter((x) =>
			state.users.get(x.userId)?.username.toLowerCase().includes(needle),
		);
	}
	const creator = conf.participants.get(conf.creatorId) ?? {
		userId: conf.creatorId,
		role: 'MODERATOR' as const,
		status: 'PARTICIPATE' as const,
		invited: false,
	};
	const basic = presentBasic(ctx.core, conf);
	return {
		success: true,
		data: {
			...basic,
			creator: presentParticipant(state, creator),
			participants: participants
				.slice(p.offset, p.offset + p.count)
				.map((x) => presentParticipant(state, x)),
			participantsCount: participants.length,
			adapter: conf.videoAdapter,
		},
	};
}

// Manual 3.8.4
function getMeetingInfo(ctx: ApiContext): unknown {
	const meetingId = ctx.query.meetingId;
	if (!meetingId) throw missingParam('meetingId');
	const conf = byMeetingId(ctx.core.state, meetingId);
	requireView(ctx, conf, 'getMeetingInfo');
	return { success: true, data: presentMeeting(ctx.core, conf) };
}

function roomConferences(ctx: ApiContext): unknown {
	return listConferences(ctx, (state) => [...state.conferences.values()], {
		requireRid: true,
		withRoleFilters: true,
	});
}

function userConferences(ctx: ApiContext): unknown {
	const me = ctx.user._id;
	return listConferences(
		ctx,
		(state) =>
			[...state.conferences.values()].filter(
				(c) =>
					c.creatorId === me ||
					c.participants.has(me) ||
					(state.isAdmin(ctx.user) && !!ctx.query.userId),
			),
		{ requireRid: false, withRoleFilters: true },
	);
}

function userRoomsConferences(ctx: ApiContext): unknown {
	return listConferences(
		ctx,
		(state) => {
			const rooms = state.roomsOf(ctx.user._id);
			return [...state.conferences.values()].filter((c) => c.rid !== undefined && rooms.has(c.rid));
		},
		{ requireRid: false, withRoleFilters: false },
	);
}

// Manual 3.8.15
function createChat(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const meetingId = reqString(p, 'meetingId');
	const name = reqString(p, 'name');
	const description = p.description === '' ? '' : reqString(p, 'description');
	const showChat = reqBool(p, 'showChat');
	const persistentChat = reqBool(p, 'persistentChat');
	const { state } = ctx.core;
	const conf = byMeetingId(state, meetingId);
	if (!canManage(ctx, conf)) throw notAllowed('createConferenceChat');
	if (conf.chatId && state.rooms.has(conf.chatId)) {
		throw meteorError('error-conference-chat-exists', 'The conference already has a chat', {
			method: 'createConferenceChat',
		});
	}
	const room = createChatRoom(state, conf, ctx.user, name, description, showChat, persistentChat);
	return { data: presentRoom(state, room), success: true };
}

// Manual 3.8.16
function getChat(ctx: ApiContext): unknown {
	const meetingId = ctx.query.meetingId;
	if (!meetingId) throw missingParam('meetingId');
	const { state } = ctx.core;
	const conf = byMeetingId(state, meetingId);
	requireView(ctx, conf, 'getConferenceChat');
	const room = conf.chatId ? state.rooms.get(conf.chatId) : undefined;
	if (!room) throw meteorError('error-room-not-found', 'The conference has no chat');
	return { data: presentRoom(state, room), success: true };
}

const FEATURES = {
	regularConferences: true,
	fixConferences: true,
	password: true,
	roleAssignment: true,
	lobby: true,
	turnMicrophone: true,
	turnCamera: true,
	settingsScreen: true,
	conferenceStatus: true,
	userStatus: true,
	webinar: false,
	automaticRecording: true,
	recording: true,
	savingRecording: true,
	subtitles: true,
	savingSubtitles: true,
	savingConferenceChat: true,
	sessionRooms: true,
	guestAccess: true,
	screenSharing: true,
	whiteBoard: true,
	background: true,
};

// Manual 3.8.17
function features(): unknown {
	return {
		success: true,
		features: {
			Jitsi: { ...FEATURES },
			Webinar: { ...FEATURES, webinar: true, sessionRooms: false, whiteBoard: false },
		},
	};
}

// Manual 3.9.1
function deleteRecord(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const id = reqString(p, 'id');
	const meetingId = reqString(p, 'meetingId');
	const { state } = ctx.core;
	const conf = byMeetingId(state, meetingId);
	if (!canManage(ctx, conf)) throw notAllowed('deleteMeetingRecord');
	const index = conf.records.findIndex((r) => r.id === id);
	if (index < 0)
		throw meteorError('error-record-not-found', 'Record not found', {
			method: 'deleteMeetingRecord',
		});
	const [record] = conf.records.splice(index, 1);
	state.files.delete(record.fileId);
	conf.updatedAt = Date.now();
	return { success: true, id };
}

function stamp(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}_${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the meeting server leaves behind when a run ends: a recording, the chat log and a transcript. */
export function addMeetingArtefacts(
	state: SandboxState,
	conf: ConferenceRecord,
	startedAt: number,
	endedAt: number,
	attendees: string[],
): void {
	const room = conf.rid ? state.rooms.get(conf.rid) : undefined;
	const base = `${room?.name ?? 'conference'}-${stamp(startedAt)}`;
	const rid = conf.rid ?? conf.chatId ?? '';
	const names = attendees.map((id) => state.users.get(id)?.name ?? id);
	const chatRoom = conf.chatId ? state.rooms.get(conf.chatId) : undefined;
	const chatLines = (chatRoom ? (state.roomMessages.get(chatRoom._id) ?? []) : [])
		.filter((m) => m.ts >= startedAt && m.ts <= endedAt)
		.map((m) => `[${new Date(m.ts).toISOString()}] ${m.u.name}: ${m.msg}`);
	const chatText = chatLines.length
		? chatLines
		: [
				`[${new Date(startedAt).toISOString()}] ${names[0] ?? 'system'}: Начинаем встречу «${conf.name}»`,
			];
	const chat = state.addFile({
		rid,
		name: `${base}-messages.txt`,
		type: 'text/plain',
		data: Buffer.from(`${chatText.join('\n')}\n`, 'utf8'),
		userId: conf.creatorId,
		hidden: true,
		conferenceId: conf._id,
	});
	const speech = state.addFile({
		rid,
		name: `${base}-speech.txt`,
		type: 'text/plain',
		data: Buffer.from(
			`Расшифровка встречи «${conf.name}» (№ ${conf.number})\n${names.map((n, i) => `${n}: ${i === 0 ? 'Коллеги, добрый день!' : 'Добрый день.'}`).join('\n')}\n`,
			'utf8',
		),
		userId: conf.creatorId,
		hidden: true,
		conferenceId: conf._id,
	});
	const video = state.addFile({
		rid,
		name: `${base}-record.mp4`,
		type: 'video/mp4',
		data: Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
		userId: conf.creatorId,
		hidden: true,
		conferenceId: conf._id,
	});
	conf.records.push({
		id: objectId(),
		status: 'REGISTERED',
		startAt: startedAt,
		endAt: endedAt,
		availableTo: [...attendees],
		fileId: video._id,
		shared: false,
	});
	conf.chatFileId = chat._id;
	conf.speechFileId = speech._id;
	conf.countMessages = chatText.length;
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

/** May this user download a meeting artefact? */
export function canDownloadConferenceFile(
	state: SandboxState,
	conferenceId: string,
	user: UserRecord,
): boolean {
	const conf = state.conferences.get(conferenceId);
	if (!conf) return state.isAdmin(user);
	if (state.isAdmin(user) || conf.creatorId === user._id || conf.participants.has(user._id))
		return true;
	const room = conf.rid ? state.rooms.get(conf.rid) : undefined;
	return !!room && !!state.subscription(room._id, user._id);
}

export const conferenceRoutes: Route[] = [
	{ method: 'GET', path: 'scc.generateAccessToken', handler: generateAccessToken },
	{ method: 'GET', path: 'scc.getConferenceInfo', handler: getConferenceInfo },
	{ method: 'GET', path: 'scc.getFullConferenceInfo', handler: getFullConferenceInfo },
	{ method: 'GET', path: 'scc.getMeetingInfo', handler: getMeetingInfo },
	{ method: 'POST', path: 'scc.createConference', handler: createConference },
	{ method: 'PUT', path: 'scc.updateConference', handler: updateConference },
	{ method: 'POST', path: 'scc.startConference', handler: startConference },
	{ method: 'POST', path: 'conference.inviteUsers', handler: inviteUsers },
	{ method: 'POST', path: 'conference.callUsers', handler: callUsers },
	{ method: 'POST', path: 'scc.acceptCall', handler: acceptCall },
	{ method: 'POST', path: 'scc.callSkip', handler: callSkip },
	{ method: 'GET', path: 'scc.getRoomConferences', handler: roomConferences },
	{ method: 'GET', path: 'scc.getUserConferences', handler: userConferences },
	{ method: 'GET', path: 'scc.getUserRoomsConferences', handler: userRoomsConferences },
	{ method: 'POST', path: 'conference.createChat', handler: createChat },
	{ method: 'GET', path: 'conference.getChat', handler: getChat },
	{ method: 'GET', path: 'conference/features', handler: features },
	{ method: 'DELETE', path: 'meeting/record', handler: deleteRecord },
];

/** The conference as GET /_sandbox/state shows it (participants with their statuses, records). */
export function presentConferenceState(
	core: SandboxCore,
	conf: ConferenceRecord,
): Record<string, unknown> {
	return {
		...presentBasic(core, conf),
		participants: [...conf.participants.values()].map((p) => presentParticipant(core.state, p)),
		joined: [...conf.joined],
		records: presentRecording(core, conf),
		chatDownloadLink: artefactLink(core, conf.chatFileId),
		speechDownloadLink: artefactLink(core, conf.speechFileId),
		hasPassword: !!conf.password,
	};
}
