/**
 * Chat messages (manual 3.4): send, delete, get, pin/unpin, star/unstar, report.
 */
import type { ApiContext, Route } from '../core';
import { actionNotAllowed, failure, invalidParams, meteorError, missingParam } from '../errors';
import { bodyObject, optBool, optObject, optString, reqString, type Params } from '../params';
import { presentMessage } from '../present';
import type { MessageRecord, RoomRecord, UserRecord } from '../state';
import { isPlainObject, randomId } from '../util';
import { isModeratorOrAbove } from './common';

const MAX_MESSAGE_SIZE = 5000;

function invalidChannel(): never {
	throw meteorError('invalid-channel', 'Invalid channel');
}

/** Rocket.Chat's processWebhookMessage room resolution: '#name', '@username', or an id/name. */
function resolveTarget(ctx: ApiContext, target: string): RoomRecord {
	const { state } = ctx.core;
	const me = ctx.user;
	const openDirect = (other: UserRecord): RoomRecord =>
		state.directRoom([me._id, other._id]) ?? state.createDirectRoom([me, other]);
	const prefix = target[0];
	const value = target.slice(1);
	let room: RoomRecord | undefined;
	if (prefix === '#') {
		room = state.roomByName(value) ?? state.rooms.get(value);
		if (!room || room.t === 'd') invalidChannel();
	} else if (prefix === '@') {
		const other = state.userByUsername(value);
		if (!other) invalidChannel();
		room = openDirect(other as UserRecord);
	} else {
		room = state.rooms.get(target) ?? state.roomByName(target);
		if (!room) {
			const other = state.userById(target);
			if (!other) invalidChannel();
			room = openDirect(other as UserRecord);
		}
	}
	return room as RoomRecord;
}

/** canSendMessage: access, archived, read-only. */
function checkCanSend(ctx: ApiContext, room: RoomRecord): void {
	const { state } = ctx.core;
	if (!state.canAccessRoom(room, ctx.user))
		throw meteorError('error-not-allowed', 'Not allowed', { method: 'canSendMessage' });
	if (room.archived)
		throw meteorError('error-room-archived', 'Room archived', { method: 'canSendMessage' });
	if (room.ro && !state.isAdmin(ctx.user) && !state.hasRoomRole(room._id, ctx.user._id, 'owner')) {
		throw meteorError(
			'error-not-allowed',
			"You can't send messages because the room is readonly.",
			{ method: 'canSendMessage' },
		);
	}
}

function validateAttachments(value: unknown): unknown[] | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) throw invalidParams("'attachments' must be array");
	value.forEach((attachment, i) => {
		if (!isPlainObject(attachment)) throw invalidParams(`'attachments/${i}' must be object`);
		if (attachment.fields !== undefined) {
			if (!Array.isArray(attachment.fields))
				throw invalidParams(`'attachments/${i}/fields' must be array`);
			attachment.fields.forEach((field, j) => {
				if (!isPlainObject(field))
					throw invalidParams(`'attachments/${i}/fields/${j}' must be object`);
				if (typeof field.title !== 'string' || typeof field.value !== 'string') {
					throw invalidParams(
						`'attachments/${i}/fields/${j}' must have string 'title' and 'value'`,
					);
				}
			});
		}
		if (typeof attachment.text === 'string' && attachment.text.length > MAX_MESSAGE_SIZE) {
			throw failure('error-message-size-exceeded');
		}
	});
	return value.map((a) => {
		const copy = { ...(a as Params) };
		if (typeof copy.msg === 'string') {
			copy.text = copy.msg.trim();
			delete copy.msg;
		}
		return copy;
	});
}

// Manual 3.4.1
function postMessage(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const rawTarget = p.channel ?? p.roomId;
	if (rawTarget === undefined || rawTarget === null || rawTarget === '')
		throw missingParam('roomId');
	const key = p.channel !== undefined ? 'channel' : 'roomId';
	const targets = Array.isArray(rawTarget) ? rawTarget : [rawTarget];
	if (targets.length === 0) throw missingParam(key);
	targets.forEach((t) => {
		if (typeof t !== 'string' || t === '') throw invalidParams(`'${key}' must be string`);
	});
	const text = optString(p, 'text') ?? optString(p, 'msg') ?? '';
	const alias = optString(p, 'alias');
	const emoji = optString(p, 'emoji');
	const avatar = optString(p, 'avatar');
	const parseUrls = optBool(p, 'parseUrls');
	const groupable = optBool(p, 'groupable');
	const tmid = optString(p, 'tmid');
	const customFields = optObject(p, 'customFields');
	const attachments = validateAttachments(p.attachments);
	if (text.trim() === '' && (!attachments || attachments.length === 0)) throw missingParam('text');
	if (text.length > MAX_MESSAGE_SIZE) throw failure('error-message-size-exceeded');

	const { state } = ctx.core;
	if ((alias || avatar) && !state.isBot(ctx.user)) {
		throw meteorError('error-not-allowed', 'Not enough permission', { method: 'sendMessage' });
	}
	if (tmid && !state.messages.has(tmid))
		throw meteorError('error-invalid-message', 'Invalid thread message id', {
			method: 'sendMessage',
		});

	// validate every target before writing anything
	const rooms = (targets as string[]).map((t) => {
		const room = resolveTarget(ctx, t);
		checkCanSend(ctx, room);
		return room;
	});

	let first: MessageRecord | undefined;
	rooms.forEach((room) => {
		// posting to a public channel joins it (joinChannel: true)
		if (room.t === 'c') state.subscribe(room._id, ctx.user._id);
		const message = state.addMessage(room._id, ctx.user, {
			msg: text.trim(),
			alias,
			emoji: avatar ? undefined : emoji,
			avatar,
			attachments: attachments ?? [],
			parseUrls: parseUrls ?? !attachments,
			groupable: groupable ?? false,
			customFields,
			tmid,
		});
		first = first ?? message;
	});
	return {
		ts: Date.now(),
		channel: targets[0],
		message: presentMessage(state, first as MessageRecord),
		success: true,
	};
}

function messageNotFound(): never {
	throw meteorError(
		'error-message-not-found',
		'The provided "messageId" does not match any existing message.',
	);
}

/** The message and its room, if the caller may read the room. */
function accessibleMessage(
	ctx: ApiContext,
	id: string,
	method: string,
): { message: MessageRecord; room: RoomRecord } {
	const { state } = ctx.core;
	const message = state.messages.get(id);
	if (!message) messageNotFound();
	const room = state.rooms.get((message as MessageRecord).rid);
	if (!room) messageNotFound();
	if (!state.canAccessRoom(room as RoomRecord, ctx.user) && !state.isAdmin(ctx.user))
		throw actionNotAllowed(method);
	return { message: message as MessageRecord, room: room as RoomRecord };
}

// Manual 3.4.2
function deleteMessage(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const msgId = reqString(p, 'msgId');
	const roomId = reqString(p, 'roomId');
	const asUser = optBool(p, 'asUser') ?? false;
	const { state } = ctx.core;
	const message = state.messages.get(msgId);
	if (!message) throw failure(`No message found with the id of "${msgId}".`);
	if (message.rid !== roomId)
		throw failure('The room id provided does not match where the message is from.');
	const admin = state.isAdmin(ctx.user);
	if (asUser && message.u._id !== ctx.user._id && !admin) {
		throw failure(
			'Unauthorized. You must have the permission "force-delete-message" to delete other\'s message as them.',
		);
	}
	const own = message.u._id === ctx.user._id;
	if (!own && !isModeratorOrAbove(ctx, roomId)) {
		throw meteorError('error-action-not-allowed', 'Not allowed', {
			method: 'deleteMessage',
			action: 'Delete_message',
		});
	}
	const presented = presentMessage(state, message);
	state.removeMessage(msgId);
	if (message.fileId) state.files.delete(message.fileId);
	return { _id: message._id, ts: String(Date.now()), message: presented, success: true };
}

// Manual 3.4.3
function getMessage(ctx: ApiContext): unknown {
	const msgId = ctx.query.msgId;
	if (!msgId) throw missingParam('msgId');
	const { message } = accessibleMessage(ctx, msgId, 'getSingleMessage');
	return { message: presentMessage(ctx.core.state, message), success: true };
}

function messageIdParam(ctx: ApiContext): string {
	return reqString(bodyObject(ctx.body), 'messageId');
}

// Manual 3.4.4
function pinMessage(ctx: ApiContext): unknown {
	const { message, room } = accessibleMessage(ctx, messageIdParam(ctx), 'pinMessage');
	if (!isModeratorOrAbove(ctx, room._id)) {
		throw meteorError('error-action-not-allowed', 'Not allowed', {
			method: 'pinMessage',
			action: 'Message_pinning',
		});
	}
	const now = Date.now();
	message.pinned = true;
	message.pinnedAt = now;
	message.pinnedBy = { _id: ctx.user._id, username: ctx.user.username };
	message.updatedAt = now;
	return { message: presentMessage(ctx.core.state, message), success: true };
}

// Manual 3.4.6
function unPinMessage(ctx: ApiContext): unknown {
	const { message, room } = accessibleMessage(ctx, messageIdParam(ctx), 'unpinMessage');
	if (!isModeratorOrAbove(ctx, room._id)) {
		throw meteorError('error-action-not-allowed', 'Not allowed', {
			method: 'unpinMessage',
			action: 'Message_pinning',
		});
	}
	message.pinned = false;
	message.pinnedAt = undefined;
	message.pinnedBy = undefined;
	message.updatedAt = Date.now();
	return { success: true };
}

function star(ctx: ApiContext, starred: boolean): unknown {
	const { message, room } = accessibleMessage(ctx, messageIdParam(ctx), 'starMessage');
	if (!ctx.core.state.subscription(room._id, ctx.user._id)) {
		throw meteorError('error-action-not-allowed', 'Not allowed', {
			method: 'starMessage',
			action: 'Message_starring',
		});
	}
	const has = message.starredBy.includes(ctx.user._id);
	if (starred && !has) message.starredBy.push(ctx.user._id);
	if (!starred && has) message.starredBy = message.starredBy.filter((id) => id !== ctx.user._id);
	return { success: true };
}

// Manual 3.4.8
function reportMessage(ctx: ApiContext): unknown {
	const p = bodyObject(ctx.body);
	const messageId = reqString(p, 'messageId');
	const description = reqString(p, 'description');
	const { state } = ctx.core;
	const message = state.messages.get(messageId);
	if (!message)
		throw meteorError('error-invalid-message_id', 'Invalid message id', {
			method: 'reportMessage',
		});
	const room = state.rooms.get(message.rid);
	if (!room || (!state.canAccessRoom(room, ctx.user) && !state.isAdmin(ctx.user))) {
		throw meteorError('error-not-allowed', 'Not allowed', { method: 'reportMessage' });
	}
	state.reports.push({
		_id: randomId(),
		messageId,
		rid: message.rid,
		description,
		reportedBy: ctx.user._id,
		ts: Date.now(),
	});
	return { success: true };
}

export const chatRoutes: Route[] = [
	{ method: 'POST', path: 'chat.postMessage', handler: postMessage },
	{ method: 'POST', path: 'chat.delete', handler: deleteMessage },
	{ method: 'GET', path: 'chat.getMessage', handler: getMessage },
	{ method: 'POST', path: 'chat.pinMessage', handler: pinMessage },
	{ method: 'POST', path: 'chat.unPinMessage', handler: unPinMessage },
	{ method: 'POST', path: 'chat.starMessage', handler: (ctx) => star(ctx, true) },
	{ method: 'POST', path: 'chat.unStarMessage', handler: (ctx) => star(ctx, false) },
	{ method: 'POST', path: 'chat.reportMessage', handler: reportMessage },
];
