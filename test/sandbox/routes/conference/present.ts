/**
 * Conference records -> the manual's JSON shapes (basic info, participants, meeting info, list
 * items) and the conference as GET /_sandbox/state shows it.
 */
import type { SandboxCore } from '../../core';
import type { ConferenceRecord, ParticipantRecord, SandboxState } from '../../state';
import { fileUrl } from '../../state';
import { iso } from '../../util';

function ref(state: SandboxState, userId: string): { id: string; name: string } {
	const user = state.users.get(userId);
	return { id: userId, name: user?.name ?? user?.username ?? '' };
}

export function serviceUrl(core: SandboxCore, conf: ConferenceRecord): string {
	return `${core.url}/conference/${conf.number}`;
}

export function presentBasic(core: SandboxCore, conf: ConferenceRecord): Record<string, unknown> {
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

export function presentParticipant(
	state: SandboxState,
	p: ParticipantRecord,
): Record<string, unknown> {
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

export function presentRecording(
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

export function presentMeeting(core: SandboxCore, conf: ConferenceRecord): Record<string, unknown> {
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

export function presentListItem(
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
