/**
 * The records the sandbox's in-memory database holds, by concern. Raw records only; presenters
 * (present.ts) turn them into the JSON the API answers with.
 */

// ---- users, sessions, tokens -----------------------------------------------------------

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

// ---- rooms, subscriptions, teams -------------------------------------------------------

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

export interface TeamRecord {
	_id: string;
	name: string;
	type: 0 | 1;
	roomId: string;
	createdBy: { _id: string; username: string };
	createdAt: number;
	updatedAt: number;
}

// ---- messages, files, reports ----------------------------------------------------------

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

export interface ReportRecord {
	_id: string;
	messageId: string;
	rid: string;
	description: string;
	reportedBy: string;
	ts: number;
}

// ---- conferences, calls, invitations ---------------------------------------------------

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

// ---- admin: changelog, autoupdates, internal errors ------------------------------------

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
