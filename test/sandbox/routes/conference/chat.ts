/**
 * A conference's chat: a private room tied to the conference (created with it, on update, or by
 * conference.createChat) and conference.getChat.
 */
import type { ApiContext } from '../../core';
import { meteorError, missingParam, notAllowed } from '../../errors';
import { bodyObject, reqBool, reqString } from '../../params';
import { presentRoom } from '../../present';
import type { ConferenceRecord, RoomRecord, SandboxState, UserRecord } from '../../state';
import { objectId } from '../../util';
import { byMeetingId, canManage, requireView } from './access';

export function createChatRoom(
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

// Manual 3.8.15
export function createChat(ctx: ApiContext): unknown {
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
export function getChat(ctx: ApiContext): unknown {
	const meetingId = ctx.query.meetingId;
	if (!meetingId) throw missingParam('meetingId');
	const { state } = ctx.core;
	const conf = byMeetingId(state, meetingId);
	requireView(ctx, conf, 'getConferenceChat');
	const room = conf.chatId ? state.rooms.get(conf.chatId) : undefined;
	if (!room) throw meteorError('error-room-not-found', 'The conference has no chat');
	return { data: presentRoom(state, room), success: true };
}
