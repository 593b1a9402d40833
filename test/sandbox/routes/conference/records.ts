/**
 * Meeting records (manual 3.9): what the meeting server leaves behind when a run ends (a
 * recording, the chat log and a speech transcript), who may download them, and deleting a record.
 */
import type { ApiContext } from '../../core';
import { meteorError, notAllowed } from '../../errors';
import { bodyObject, reqString } from '../../params';
import type { ConferenceRecord, SandboxState, UserRecord } from '../../state';
import { objectId } from '../../util';
import { byMeetingId, canManage } from './access';

// Manual 3.9.1
export function deleteRecord(ctx: ApiContext): unknown {
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
