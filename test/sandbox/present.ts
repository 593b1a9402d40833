/**
 * Presenters: raw records -> the JSON shapes of the vendor manual / Rocket.Chat.
 * Secrets (password hashes, TOTP secrets, tokens) never leave through here.
 */
import {
	fileUrl,
	type FileRecord,
	type MessageRecord,
	type RoomRecord,
	type SandboxState,
	type SubscriptionRecord,
	type UserRecord,
} from './state';
import { iso, typeGroupOf } from './util';

type Json = Record<string, unknown>;

function withOptional(target: Json, source: Json): Json {
	for (const [key, value] of Object.entries(source)) if (value !== undefined) target[key] = value;
	return target;
}

/** What admins and the user themself see (users.info, users.create, login `me`). */
export function userFull(user: UserRecord): Json {
	return withOptional(
		{
			_id: user._id,
			createdAt: iso(user.createdAt),
			username: user.username,
			emails: user.emails.map((e) => ({ ...e })),
			type: user.type,
			status: user.status,
			statusDefault: 'online',
			statusConnection: user.status === 'offline' ? 'offline' : 'online',
			active: user.active,
			name: user.name,
			roles: [...user.roles],
			statusText: user.statusText,
			utcOffset: user.utcOffset,
			language: user.language,
			requirePasswordChange: user.requirePasswordChange,
			customFields: { ...user.customFields },
			settings: { preferences: {} },
			_updatedAt: iso(user.updatedAt),
		},
		{
			nickname: user.nickname,
			bio: user.bio,
			lastLogin: user.lastLogin ? iso(user.lastLogin) : undefined,
		},
	);
}

/** What other users see (Rocket.Chat's default user fields, no e-mails). */
export function userPublic(user: UserRecord): Json {
	return withOptional(
		{
			_id: user._id,
			username: user.username,
			name: user.name,
			status: user.status,
			statusText: user.statusText,
			utcOffset: user.utcOffset,
			type: user.type,
			active: user.active,
		},
		{ nickname: user.nickname, bio: user.bio },
	);
}

/** The login answer's `me`. */
export function userMe(user: UserRecord, baseUrl: string): Json {
	return {
		...userFull(user),
		email: user.emails[0]?.address,
		avatarUrl: `${baseUrl}/avatar/${encodeURIComponent(user.username)}`,
	};
}

export function userRef(user: UserRecord): { _id: string; username: string; name: string } {
	return { _id: user._id, username: user.username, name: user.name };
}

export function presentFileRef(file: FileRecord): Json {
	return {
		_id: file._id,
		name: file.name,
		type: file.type,
		size: file.size,
		format: extensionOf(file.name),
	};
}

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function presentMessage(state: SandboxState, message: MessageRecord): Json {
	const out: Json = {
		_id: message._id,
		rid: message.rid,
		msg: message.msg,
		ts: iso(message.ts),
		u: { ...message.u },
		_updatedAt: iso(message.updatedAt),
		urls: message.urls,
		mentions: message.mentions,
		channels: message.channels,
		md: message.msg
			? [{ type: 'PARAGRAPH', value: [{ type: 'PLAIN_TEXT', value: message.msg }] }]
			: [],
	};
	withOptional(out, {
		t: message.t,
		groupable: message.groupable,
		alias: message.alias,
		emoji: message.emoji,
		avatar: message.avatar,
		attachments: message.attachments,
		parseUrls: message.parseUrls,
		bot: message.bot,
		customFields: message.customFields,
		tmid: message.tmid,
		pinned: message.pinned,
		pinnedAt: message.pinnedAt ? iso(message.pinnedAt) : undefined,
		pinnedBy: message.pinnedBy,
		starred: message.starredBy.length ? message.starredBy.map((_id) => ({ _id })) : undefined,
	});
	if (message.fileId) {
		const file = state.files.get(message.fileId);
		if (file) {
			out.file = presentFileRef(file);
			out.files = [presentFileRef(file)];
		}
	}
	return out;
}

export function presentFile(state: SandboxState, file: FileRecord): Json {
	const user = state.users.get(file.userId);
	const url = fileUrl(file);
	return withOptional(
		{
			_id: file._id,
			name: file.name,
			size: file.size,
			type: file.type,
			typeGroup: typeGroupOf(file.type),
			extension: extensionOf(file.name),
			rid: file.rid,
			userId: file.userId,
			user: user ? userRef(user) : undefined,
			store: 'FileSystem:Uploads',
			complete: true,
			uploading: false,
			progress: 1,
			uploadedAt: iso(file.uploadedAt),
			_updatedAt: iso(file.uploadedAt),
			url,
			path: url,
			downloadLink: url,
		},
		{ description: file.description },
	);
}

export function presentRoom(state: SandboxState, room: RoomRecord): Json {
	const last = state.lastMessage(room._id);
	const common: Json = {
		_id: room._id,
		t: room.t,
		msgs: state.roomMessages.get(room._id)?.length ?? 0,
		usersCount: state.memberCount(room._id),
		ts: iso(room.ts),
		_updatedAt: iso(room.updatedAt),
	};
	if (room.t === 'd') {
		return withOptional(
			{
				...common,
				usernames: [...(room.usernames ?? [])],
				uids: [...(room.uids ?? [])],
				default: false,
				ro: false,
			},
			{
				lastMessage: last ? presentMessage(state, last) : undefined,
				lm: last ? iso(last.ts) : undefined,
			},
		);
	}
	const out = withOptional(
		{
			...common,
			name: room.name,
			fname: room.fname ?? room.name,
			u: room.u ? { ...room.u } : undefined,
			customFields: {},
			ro: room.ro,
			default: room.default,
			featured: room.featured,
			broadcast: room.broadcast,
			encrypted: room.encrypted,
			sysMes: true,
			archived: room.archived,
		},
		{
			description: room.description,
			topic: room.topic,
			announcement: room.announcement,
			teamMain: room.teamMain,
			teamId: room.teamId,
			lastMessage: last ? presentMessage(state, last) : undefined,
			lm: last ? iso(last.ts) : undefined,
		},
	);
	if (room.conference) {
		Object.assign(out, {
			conferenceChat: true,
			currentMeeting: room.conference.conferenceId,
			hidden: room.conference.hidden,
			persistentChat: room.conference.persistentChat,
			conferenceInfo: { number: room.conference.number, type: room.conference.type },
		});
	}
	return out;
}

/** users.info fields={"userRooms":1}: the user's subscriptions. */
export function presentUserRoom(state: SandboxState, sub: SubscriptionRecord): Json {
	const room = state.rooms.get(sub.rid);
	const name =
		room?.t === 'd'
			? (room.usernames ?? []).filter((u) => u !== sub.u.username).join(', ') || sub.u.username
			: room?.name;
	return {
		_id: sub._id,
		rid: sub.rid,
		name,
		fname: room?.t === 'd' ? name : (room?.fname ?? name),
		t: room?.t,
		roles: [...sub.roles],
		open: sub.open,
		alert: sub.alert,
		unread: sub.unread,
		ts: iso(sub.ts),
		_updatedAt: iso(sub.updatedAt),
	};
}
