/**
 * The sandbox's in-memory database. Raw records only; presenters (present.ts) turn them into
 * the JSON the API answers with.
 */
import { hashPassword, objectId, randomId, randomIds, randomToken } from './util';

export type UserType = 'user' | 'bot';
export type PresenceStatus = 'online' | 'offline' | 'away' | 'busy';

export interface UserRecord {
	_id: string;
	username: string;
	name: string;
	emails: Array<{ address: string; verified: boolean }>;
	salt: string;
	passwordHash: string;
	roles: string[];
	active: boolean;
	type: UserType;
	status: PresenceStatus;
	statusText: string;
	bio?: string;
	nickname?: string;
	createdAt: number;
	updatedAt: number;
	lastLogin?: number;
	totpSecret?: string;
	requirePasswordChange: boolean;
	customFields: Record<string, unknown>;
	utcOffset: number;
	language: string;
}

export type LoginType = 'password' | 'saml' | 'oauth';

export interface SessionRecord {
	id: string;
	token: string;
	userId: string;
	loginType: LoginType;
	createdAt: number;
	lastActivity: number;
	ip: string;
	userAgent: string;
	/** set by expireSessions() or logout/terminate */
	expired: boolean;
	/** OAuth logins: the provider token's lifetime the client announced */
	oauthExpiresIn?: number;
}

export interface PersonalAccessTokenRecord {
	token: string;
	userId: string;
	name: string;
	createdAt: number;
}

export type RoomType = 'c' | 'p' | 'd';

export interface RoomRecord {
	_id: string;
	t: RoomType;
	name?: string;
	fname?: string;
	description?: string;
	topic?: string;
	announcement?: string;
	/** creator */
	u?: { _id: string; username: string; name?: string };
	ts: number;
	updatedAt: number;
	ro: boolean;
	default: boolean;
	featured: boolean;
	broadcast: boolean;
	encrypted: boolean;
	archived: boolean;
	teamMain?: boolean;
	teamId?: string;
	/** DMs */
	usernames?: string[];
	uids?: string[];
	/** conference chats */
	conference?: {
		conferenceId: string;
		number: string;
		type: string;
		hidden: boolean;
		persistentChat: boolean;
	};
}

export interface SubscriptionRecord {
	_id: string;
	rid: string;
	u: { _id: string; username: string; name: string };
	roles: string[];
	open: boolean;
	alert: boolean;
	unread: number;
	ts: number;
	updatedAt: number;
}

export interface MessageRecord {
	_id: string;
	rid: string;
	msg: string;
	ts: number;
	updatedAt: number;
	u: { _id: string; username: string; name: string };
	t?: string;
	alias?: string;
	emoji?: string;
	avatar?: string;
	attachments?: unknown[];
	parseUrls?: boolean;
	groupable?: boolean;
	bot?: unknown;
	customFields?: Record<string, unknown>;
	tmid?: string;
	mentions: Array<{ _id: string; username: string; name?: string; type: 'user' }>;
	channels: Array<{ _id: string; name: string }>;
	urls: Array<{ url: string }>;
	pinned?: boolean;
	pinnedAt?: number;
	pinnedBy?: { _id: string; username: string };
	starredBy: string[];
	fileId?: string;
}

export interface FileRecord {
	_id: string;
	rid: string;
	name: string;
	type: string;
	size: number;
	data: Buffer;
	userId: string;
	uploadedAt: number;
	description?: string;
	/** meeting artefacts (chat log, speech transcript, recording) are not room files */
	hidden: boolean;
	/** for hidden files: who may download them besides admins */
	conferenceId?: string;
}

export interface TeamRecord {
	_id: string;
	name: string;
	type: 0 | 1;
	roomId: string;
	createdBy: { _id: string; username: string };
	createdAt: number;
	updatedAt: number;
}

export interface ReportRecord {
	_id: string;
	messageId: string;
	rid: string;
	description: string;
	reportedBy: string;
	ts: number;
}

export type ConferenceStatus = 'CREATED' | 'BOOKED' | 'STARTED' | 'ENDED';
export type ParticipantStatus = 'PARTICIPATE' | 'PARTICIPATED' | 'DECLINED' | 'NOT_ANSWERED';
export type ConferenceRole = 'MODERATOR' | 'USER';

export interface ParticipantRecord {
	userId: string;
	role: ConferenceRole;
	status: ParticipantStatus;
	invited: boolean;
}

export interface ConferenceRecordingRecord {
	id: string;
	status: 'REGISTERED' | 'PROCESSING' | 'READY';
	startAt: number;
	endAt: number;
	availableTo: string[];
	fileId: string;
	shared: boolean;
}

export interface ConferenceRecord {
	/** also the meeting id (meetingId / mid) of the conference endpoints */
	_id: string;
	name: string;
	number: string;
	status: ConferenceStatus;
	type: string;
	rid?: string;
	chatId?: string;
	password?: string;
	conferenceSettings: { audioMute: boolean; videoMute: boolean; waitingRoomEnable: boolean };
	videoAdapter: string;
	conferenceFormat: string;
	creatorId: string;
	participants: Map<string, ParticipantRecord>;
	/** users in the running meeting */
	joined: Set<string>;
	createdAt: number;
	updatedAt: number;
	started?: number;
	ended?: number;
	plannedStartTime?: number;
	plannedEndTime?: number;
	createChat: boolean;
	showChat: boolean;
	persistentChat: boolean;
	records: ConferenceRecordingRecord[];
	chatFileId?: string;
	speechFileId?: string;
	countMessages: number;
	countBreakouts: number;
}

export interface CallRecord {
	_id: string;
	conferenceId: string;
	userId: string;
	callerId: string;
	status: 'ringing' | 'accepted' | 'declined';
	createdAt: number;
	updatedAt: number;
	skipToken?: string;
}

export interface InvitationRecord {
	_id: string;
	conferenceId: string;
	userId: string;
	invitedBy: string;
	messageId?: string;
	createdAt: number;
}

export interface ChangelogRecord {
	_id: string;
	username: string;
	setting: string;
	value: string;
	date: number;
}

export interface AutoupdateRecord {
	_id: string;
	filename: string;
	mimeType: string;
	size: number;
	data: Buffer;
	/** the file parsed as JSON, when it is JSON */
	settings?: unknown;
	uploadedBy: string;
	uploadedAt: number;
}

export interface InternalErrorRecord {
	time: number;
	method: string;
	path: string;
	message: string;
	stack?: string;
}

export interface NewUser {
	username: string;
	name?: string;
	email?: string;
	password: string;
	roles?: string[];
	totpSecret?: string;
	active?: boolean;
	bio?: string;
	nickname?: string;
	statusText?: string;
	verified?: boolean;
	requirePasswordChange?: boolean;
	customFields?: Record<string, unknown>;
	type?: UserType;
}

const MENTION_RE = /(?:^|[\s(])@([\p{L}\p{N}._-]+)/gu;
const CHANNEL_RE = /(?:^|[\s(])#([\p{L}\p{N}._-]+)/gu;
const URL_RE = /https?:\/\/[^\s<>"']+/g;

export class SandboxState {
	readonly users = new Map<string, UserRecord>();
	private readonly usernameIndex = new Map<string, string>();
	private readonly emailIndex = new Map<string, string>();
	/** login sessions by token */
	readonly sessions = new Map<string, SessionRecord>();
	readonly personalAccessTokens = new Map<string, PersonalAccessTokenRecord>();
	readonly rooms = new Map<string, RoomRecord>();
	/** rid -> userId -> subscription */
	readonly subscriptions = new Map<string, Map<string, SubscriptionRecord>>();
	/** userId -> rids */
	private readonly userRooms = new Map<string, Set<string>>();
	readonly messages = new Map<string, MessageRecord>();
	/** rid -> messages, oldest first (ts strictly increasing) */
	readonly roomMessages = new Map<string, MessageRecord[]>();
	readonly files = new Map<string, FileRecord>();
	readonly teams = new Map<string, TeamRecord>();
	readonly reports: ReportRecord[] = [];
	readonly conferences = new Map<string, ConferenceRecord>();
	private readonly conferenceNumbers = new Map<string, string>();
	readonly calls: CallRecord[] = [];
	readonly invitations: InvitationRecord[] = [];
	readonly changelog: ChangelogRecord[] = [];
	readonly autoupdate: { current: AutoupdateRecord | null; history: AutoupdateRecord[] } = {
		current: null,
		history: [],
	};
	/** SAML credential token -> user id (one-time) */
	readonly samlCredentials = new Map<string, { userId: string; createdAt: number }>();
	readonly internalErrors: InternalErrorRecord[] = [];

	// ---- users -------------------------------------------------------------------------

	userById(id: string | undefined): UserRecord | undefined {
		return id === undefined ? undefined : this.users.get(id);
	}

	userByUsername(username: string | undefined): UserRecord | undefined {
		if (username === undefined) return undefined;
		const id = this.usernameIndex.get(username.toLowerCase());
		return id ? this.users.get(id) : undefined;
	}

	userByEmail(email: string | undefined): UserRecord | undefined {
		if (email === undefined) return undefined;
		const id = this.emailIndex.get(email.toLowerCase());
		return id ? this.users.get(id) : undefined;
	}

	/** `user` of the login call: a username or an e-mail address. */
	userByLogin(login: string): UserRecord | undefined {
		return login.includes('@')
			? (this.userByEmail(login) ?? this.userByUsername(login))
			: this.userByUsername(login);
	}

	isAdmin(user: UserRecord | undefined): boolean {
		return !!user && user.roles.includes('admin');
	}

	isBot(user: UserRecord | undefined): boolean {
		return !!user && (user.roles.includes('bot') || user.type === 'bot');
	}

	addUser(input: NewUser): UserRecord {
		if (this.userByUsername(input.username)) throw new Error(`username ${input.username} exists`);
		if (input.email && this.userByEmail(input.email))
			throw new Error(`email ${input.email} exists`);
		const now = Date.now();
		const salt = randomToken();
		const roles = input.roles && input.roles.length ? [...new Set(input.roles)] : ['user'];
		const user: UserRecord = {
			_id: randomId(),
			username: input.username,
			name: input.name ?? input.username,
			emails: input.email ? [{ address: input.email, verified: input.verified ?? true }] : [],
			salt,
			passwordHash: hashPassword(input.password, salt),
			roles,
			active: input.active ?? true,
			type: input.type ?? (roles.includes('bot') ? 'bot' : 'user'),
			status: 'offline',
			statusText: input.statusText ?? '',
			bio: input.bio,
			nickname: input.nickname,
			createdAt: now,
			updatedAt: now,
			totpSecret: input.totpSecret,
			requirePasswordChange: input.requirePasswordChange ?? false,
			customFields: input.customFields ?? {},
			utcOffset: 3,
			language: 'ru',
		};
		this.users.set(user._id, user);
		this.usernameIndex.set(user.username.toLowerCase(), user._id);
		if (input.email) this.emailIndex.set(input.email.toLowerCase(), user._id);
		return user;
	}

	checkPassword(user: UserRecord, password: string): boolean {
		return hashPassword(password, user.salt) === user.passwordHash;
	}

	removeUser(userId: string): void {
		const user = this.users.get(userId);
		if (!user) return;
		for (const rid of [...this.roomsOf(userId)]) this.unsubscribe(rid, userId);
		for (const [token, session] of this.sessions)
			if (session.userId === userId) this.sessions.delete(token);
		for (const [token, pat] of this.personalAccessTokens)
			if (pat.userId === userId) this.personalAccessTokens.delete(token);
		for (const conference of this.conferences.values()) conference.participants.delete(userId);
		this.usernameIndex.delete(user.username.toLowerCase());
		for (const email of user.emails) this.emailIndex.delete(email.address.toLowerCase());
		this.users.delete(userId);
	}

	createPersonalAccessToken(userId: string, name = 'sandbox', token = randomToken()): string {
		if (!this.users.has(userId)) throw new Error(`Unknown user ${userId}`);
		this.personalAccessTokens.set(token, { token, userId, name, createdAt: Date.now() });
		return token;
	}

	/** The clock that session lifetimes are measured with (a test may replace it: setSessionClock). */
	sessionClock: () => number = Date.now;

	createSession(
		userId: string,
		loginType: LoginType,
		ip: string,
		userAgent: string,
		oauthExpiresIn?: number,
	): SessionRecord {
		const now = this.sessionClock();
		const session: SessionRecord = {
			id: randomId(),
			token: randomToken(),
			userId,
			loginType,
			createdAt: now,
			lastActivity: now,
			ip,
			userAgent,
			expired: false,
			oauthExpiresIn,
		};
		this.sessions.set(session.token, session);
		const user = this.users.get(userId);
		if (user) {
			user.status = 'online';
			user.lastLogin = now;
		}
		return session;
	}

	endSession(session: SessionRecord): void {
		this.sessions.delete(session.token);
		const stillOnline = [...this.sessions.values()].some(
			(s) => s.userId === session.userId && !s.expired,
		);
		const user = this.users.get(session.userId);
		if (user && !stillOnline) user.status = 'offline';
	}

	createSamlCredential(userId: string, token = randomToken()): string {
		this.samlCredentials.set(token, { userId, createdAt: Date.now() });
		return token;
	}

	// ---- rooms & subscriptions ---------------------------------------------------------

	roomByName(name: string): RoomRecord | undefined {
		const lower = name.toLowerCase();
		for (const room of this.rooms.values())
			if (room.name !== undefined && room.name.toLowerCase() === lower) return room;
		return undefined;
	}

	roomsOf(userId: string): Set<string> {
		return this.userRooms.get(userId) ?? new Set();
	}

	subscription(rid: string, userId: string | undefined): SubscriptionRecord | undefined {
		return userId === undefined ? undefined : this.subscriptions.get(rid)?.get(userId);
	}

	members(rid: string): SubscriptionRecord[] {
		return [...(this.subscriptions.get(rid)?.values() ?? [])];
	}

	memberCount(rid: string): number {
		return this.subscriptions.get(rid)?.size ?? 0;
	}

	hasRoomRole(rid: string, userId: string | undefined, role: string): boolean {
		return !!this.subscription(rid, userId)?.roles.includes(role);
	}

	subscribe(rid: string, userId: string, roles: string[] = []): SubscriptionRecord {
		const user = this.users.get(userId);
		if (!user) throw new Error(`Unknown user ${userId}`);
		let subs = this.subscriptions.get(rid);
		if (!subs) {
			subs = new Map();
			this.subscriptions.set(rid, subs);
		}
		const existing = subs.get(userId);
		if (existing) return existing;
		const now = Date.now();
		const sub: SubscriptionRecord = {
			_id: randomId(),
			rid,
			u: { _id: user._id, username: user.username, name: user.name },
			roles: [...roles],
			open: true,
			alert: false,
			unread: 0,
			ts: now,
			updatedAt: now,
		};
		subs.set(userId, sub);
		let rooms = this.userRooms.get(userId);
		if (!rooms) {
			rooms = new Set();
			this.userRooms.set(userId, rooms);
		}
		rooms.add(rid);
		return sub;
	}

	unsubscribe(rid: string, userId: string): void {
		this.subscriptions.get(rid)?.delete(userId);
		this.userRooms.get(userId)?.delete(rid);
	}

	createRoom(input: {
		t: RoomType;
		name?: string;
		creator: UserRecord;
		memberIds?: string[];
		readOnly?: boolean;
		isDefault?: boolean;
		description?: string;
		topic?: string;
		id?: string;
	}): RoomRecord {
		const now = Date.now();
		const room: RoomRecord = {
			_id: input.id ?? randomId(),
			t: input.t,
			name: input.name,
			fname: input.name,
			description: input.description,
			topic: input.topic,
			u: { _id: input.creator._id, username: input.creator.username, name: input.creator.name },
			ts: now,
			updatedAt: now,
			ro: input.readOnly ?? false,
			default: input.isDefault ?? false,
			featured: false,
			broadcast: false,
			encrypted: false,
			archived: false,
		};
		this.rooms.set(room._id, room);
		this.roomMessages.set(room._id, []);
		if (input.t !== 'd') this.subscribe(room._id, input.creator._id, ['owner']);
		for (const id of input.memberIds ?? []) this.subscribe(room._id, id);
		return room;
	}

	/** The existing DM between exactly these users, if any. */
	directRoom(userIds: string[]): RoomRecord | undefined {
		const wanted = [...new Set(userIds)].sort().join(',');
		for (const room of this.rooms.values()) {
			if (room.t === 'd' && room.uids && [...room.uids].sort().join(',') === wanted) return room;
		}
		return undefined;
	}

	createDirectRoom(users: UserRecord[]): RoomRecord {
		const unique = [...new Map(users.map((u) => [u._id, u])).values()];
		const ids = unique.map((u) => u._id).sort();
		// Rocket.Chat: a 1:1 DM's id is both user ids concatenated (sorted); a group DM gets a random id
		const id = ids.length <= 2 ? ids.join('') : randomId();
		const now = Date.now();
		const room: RoomRecord = {
			_id: id,
			t: 'd',
			ts: now,
			updatedAt: now,
			ro: false,
			default: false,
			featured: false,
			broadcast: false,
			encrypted: false,
			archived: false,
			usernames: unique.map((u) => u.username).sort(),
			uids: ids,
		};
		this.rooms.set(room._id, room);
		this.roomMessages.set(room._id, []);
		for (const user of unique) this.subscribe(room._id, user._id);
		return room;
	}

	removeRoom(rid: string): void {
		for (const sub of this.members(rid)) this.unsubscribe(rid, sub.u._id);
		this.subscriptions.delete(rid);
		for (const message of this.roomMessages.get(rid) ?? []) this.messages.delete(message._id);
		this.roomMessages.delete(rid);
		for (const [id, file] of this.files)
			if (file.rid === rid && !file.hidden) this.files.delete(id);
		const room = this.rooms.get(rid);
		if (room?.teamId) this.teams.delete(room.teamId);
		this.rooms.delete(rid);
	}

	/** Rooms a user may read: public channels, or any room they are subscribed to. */
	canAccessRoom(room: RoomRecord, user: UserRecord): boolean {
		if (room.t === 'c') return true;
		return !!this.subscription(room._id, user._id);
	}

	// ---- messages ----------------------------------------------------------------------

	private nextTs(rid: string, wanted = Date.now()): number {
		const list = this.roomMessages.get(rid);
		const last = list && list.length ? list[list.length - 1].ts : 0;
		return wanted > last ? wanted : last + 1;
	}

	lastMessage(rid: string): MessageRecord | undefined {
		const list = this.roomMessages.get(rid);
		return list && list.length ? list[list.length - 1] : undefined;
	}

	parseMentions(text: string): Pick<MessageRecord, 'mentions' | 'channels' | 'urls'> {
		const mentions: MessageRecord['mentions'] = [];
		const channels: MessageRecord['channels'] = [];
		const urls: MessageRecord['urls'] = [];
		if (text.includes('@')) {
			for (const m of text.matchAll(MENTION_RE)) {
				const name = m[1].replace(/[.]+$/, '');
				if (name === 'all' || name === 'here') {
					mentions.push({ _id: name, username: name, type: 'user' });
					continue;
				}
				const user = this.userByUsername(name);
				if (user && !mentions.some((x) => x._id === user._id)) {
					mentions.push({ _id: user._id, username: user.username, name: user.name, type: 'user' });
				}
			}
		}
		if (text.includes('#')) {
			for (const m of text.matchAll(CHANNEL_RE)) {
				const room = this.roomByName(m[1].replace(/[.]+$/, ''));
				if (room && room.t === 'c' && room.name && !channels.some((x) => x._id === room._id)) {
					channels.push({ _id: room._id, name: room.name });
				}
			}
		}
		if (text.includes('http')) for (const m of text.matchAll(URL_RE)) urls.push({ url: m[0] });
		return { mentions, channels, urls };
	}

	addMessage(
		rid: string,
		user: UserRecord,
		fields: Partial<Omit<MessageRecord, '_id' | 'rid' | 'u' | 'ts' | 'updatedAt'>> & {
			msg: string;
		},
	): MessageRecord {
		const list = this.roomMessages.get(rid);
		if (!list) throw new Error(`Unknown room ${rid}`);
		const ts = this.nextTs(rid);
		const message: MessageRecord = {
			...this.parseMentions(fields.msg),
			starredBy: [],
			...fields,
			_id: randomId(),
			rid,
			ts,
			updatedAt: ts,
			u: { _id: user._id, username: user.username, name: user.name },
		};
		list.push(message);
		this.messages.set(message._id, message);
		this.touchRoomOnMessage(rid, user._id, ts);
		return message;
	}

	/** Bulk insert for benchmarks: timestamps 1 ms apart, ending now (or just after the last one). */
	addMessages(rid: string, user: UserRecord, count: number, text: (i: number) => string): string[] {
		const list = this.roomMessages.get(rid);
		if (!list) throw new Error(`Unknown room ${rid}`);
		const ids = randomIds(count);
		let ts = this.nextTs(rid, Date.now() - count);
		const u = { _id: user._id, username: user.username, name: user.name };
		for (let i = 0; i < count; i++, ts++) {
			const msg = text(i);
			const parsed =
				msg.includes('@') || msg.includes('#') || msg.includes('http')
					? this.parseMentions(msg)
					: { mentions: [], channels: [], urls: [] };
			const message: MessageRecord = {
				_id: ids[i],
				rid,
				msg,
				ts,
				updatedAt: ts,
				u,
				starredBy: [],
				...parsed,
			};
			list.push(message);
			this.messages.set(message._id, message);
		}
		if (count > 0) this.touchRoomOnMessage(rid, user._id, ts - 1);
		return ids;
	}

	private touchRoomOnMessage(rid: string, authorId: string, ts: number): void {
		const room = this.rooms.get(rid);
		if (!room) return;
		room.updatedAt = ts;
		const subs = this.subscriptions.get(rid);
		if (!subs) return;
		for (const sub of subs.values()) {
			if (sub.u._id === authorId) continue;
			sub.unread++;
			sub.alert = true;
			// a new direct message re-opens a hidden DM
			if (room.t === 'd') sub.open = true;
		}
	}

	removeMessage(id: string): MessageRecord | undefined {
		const message = this.messages.get(id);
		if (!message) return undefined;
		this.messages.delete(id);
		const list = this.roomMessages.get(message.rid);
		if (list) {
			// messages are ordered by ts: binary search
			let lo = 0;
			let hi = list.length - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				if (list[mid].ts < message.ts) lo = mid + 1;
				else if (list[mid].ts > message.ts) hi = mid - 1;
				else {
					lo = mid;
					break;
				}
			}
			const index = list[lo]?._id === id ? lo : list.findIndex((m) => m._id === id);
			if (index >= 0) list.splice(index, 1);
		}
		return message;
	}

	// ---- files -------------------------------------------------------------------------

	addFile(input: {
		rid: string;
		name: string;
		type: string;
		data: Buffer;
		userId: string;
		hidden?: boolean;
		conferenceId?: string;
		description?: string;
	}): FileRecord {
		const file: FileRecord = {
			_id: randomId(),
			rid: input.rid,
			name: input.name,
			type: input.type,
			size: input.data.length,
			data: input.data,
			userId: input.userId,
			uploadedAt: Date.now(),
			description: input.description,
			hidden: input.hidden ?? false,
			conferenceId: input.conferenceId,
		};
		this.files.set(file._id, file);
		return file;
	}

	/** A room file plus the message that carries it (what an upload does). */
	uploadFile(
		rid: string,
		user: UserRecord,
		name: string,
		type: string,
		data: Buffer,
		description?: string,
	): FileRecord {
		const file = this.addFile({ rid, name, type, data, userId: user._id, description });
		this.addMessage(rid, user, {
			msg: '',
			fileId: file._id,
			groupable: false,
			attachments: [
				{
					ts: new Date(file.uploadedAt).toISOString(),
					title: name,
					title_link: fileUrl(file),
					title_link_download: true,
					type: 'file',
					description: description ?? '',
					format: name.includes('.') ? name.split('.').pop()?.toUpperCase() : undefined,
					size: file.size,
				},
			],
		});
		return file;
	}

	// ---- conferences -------------------------------------------------------------------

	conferenceByNumber(number: string): ConferenceRecord | undefined {
		const id = this.conferenceNumbers.get(number);
		return id ? this.conferences.get(id) : undefined;
	}

	newConferenceNumber(): string {
		for (;;) {
			const number = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));
			if (!this.conferenceNumbers.has(number)) return number;
		}
	}

	addConference(
		conference: Omit<ConferenceRecord, '_id' | 'number'> & { number?: string },
	): ConferenceRecord {
		const record: ConferenceRecord = {
			...conference,
			_id: objectId(),
			number: conference.number ?? this.newConferenceNumber(),
		};
		this.conferences.set(record._id, record);
		this.conferenceNumbers.set(record.number, record._id);
		return record;
	}

	// ---- admin changelog ---------------------------------------------------------------

	logChange(username: string, setting: string, value: unknown): void {
		this.changelog.push({
			_id: randomId(),
			username,
			setting,
			value: typeof value === 'string' ? value : JSON.stringify(value),
			date: Date.now(),
		});
	}

	recordInternalError(method: string, path: string, error: unknown): void {
		const err = error instanceof Error ? error : new Error(String(error));
		this.internalErrors.push({
			time: Date.now(),
			method,
			path,
			message: err.message,
			stack: err.stack,
		});
		if (this.internalErrors.length > 1000) this.internalErrors.shift();
	}
}

export function fileUrl(file: Pick<FileRecord, '_id' | 'name'>): string {
	return `/file-upload/${file._id}/${encodeURIComponent(file.name)}`;
}
