/**
 * Reading conferences: one conference (basic, full with participants, meeting info with its
 * records), the lists by room, by user and by the user's rooms, and the features of the server.
 */
import type { ApiContext } from '../../core';
import { invalidParams, missingParam, notAllowed, roomNotFound } from '../../errors';
import { page, pagination } from '../../params';
import type {
	ConferenceRecord,
	ConferenceStatus,
	ParticipantStatus,
	SandboxState,
} from '../../state';
import { byMeetingId, byNumber, requireView } from './access';
import { presentBasic, presentListItem, presentMeeting, presentParticipant } from './present';

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

// Manual 3.8.2
export function getConferenceInfo(ctx: ApiContext): unknown {
	const number = ctx.query.conferenceNumber;
	if (!number) throw missingParam('conferenceNumber');
	const conf = byNumber(ctx.core.state, number);
	requireView(ctx, conf, 'getConferenceInfo');
	return { success: true, data: presentBasic(ctx.core, conf) };
}

// Manual 3.8.3
export function getFullConferenceInfo(ctx: ApiContext): unknown {
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
export function getMeetingInfo(ctx: ApiContext): unknown {
	const meetingId = ctx.query.meetingId;
	if (!meetingId) throw missingParam('meetingId');
	const conf = byMeetingId(ctx.core.state, meetingId);
	requireView(ctx, conf, 'getMeetingInfo');
	return { success: true, data: presentMeeting(ctx.core, conf) };
}

export function roomConferences(ctx: ApiContext): unknown {
	return listConferences(ctx, (state) => [...state.conferences.values()], {
		requireRid: true,
		withRoleFilters: true,
	});
}

export function userConferences(ctx: ApiContext): unknown {
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

export function userRoomsConferences(ctx: ApiContext): unknown {
	return listConferences(
		ctx,
		(state) => {
			const rooms = state.roomsOf(ctx.user._id);
			return [...state.conferences.values()].filter((c) => c.rid !== undefined && rooms.has(c.rid));
		},
		{ requireRid: false, withRoleFilters: false },
	);
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
export function features(): unknown {
	return {
		success: true,
		features: {
			Jitsi: { ...FEATURES },
			Webinar: { ...FEATURES, webinar: true, sessionRooms: false, whiteBoard: false },
		},
	};
}
