/**
 * Every table of the sandbox's in-memory database (maps and arrays, no logic). The layers
 * above add the operations by concern: users.ts, rooms.ts, messages.ts, conferences.ts, index.ts.
 */
import type {
	AutoupdateRecord,
	CallRecord,
	ChangelogRecord,
	ConferenceRecord,
	FileRecord,
	InternalErrorRecord,
	InvitationRecord,
	MessageRecord,
	PersonalAccessTokenRecord,
	ReportRecord,
	RoomRecord,
	SessionRecord,
	SubscriptionRecord,
	TeamRecord,
	UserRecord,
} from './records';

export abstract class StateTables {
	readonly users = new Map<string, UserRecord>();
	protected readonly usernameIndex = new Map<string, string>();
	protected readonly emailIndex = new Map<string, string>();
	/** login sessions by token */
	readonly sessions = new Map<string, SessionRecord>();
	readonly personalAccessTokens = new Map<string, PersonalAccessTokenRecord>();
	readonly rooms = new Map<string, RoomRecord>();
	/** rid -> userId -> subscription */
	readonly subscriptions = new Map<string, Map<string, SubscriptionRecord>>();
	/** userId -> rids */
	protected readonly userRooms = new Map<string, Set<string>>();
	readonly messages = new Map<string, MessageRecord>();
	/** rid -> messages, oldest first (ts strictly increasing) */
	readonly roomMessages = new Map<string, MessageRecord[]>();
	readonly files = new Map<string, FileRecord>();
	readonly teams = new Map<string, TeamRecord>();
	readonly reports: ReportRecord[] = [];
	readonly conferences = new Map<string, ConferenceRecord>();
	protected readonly conferenceNumbers = new Map<string, string>();
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
	/** Realtime listeners (realtime.ts): a message was stored, a user joined a room. */
	readonly listeners: {
		message: Array<(message: MessageRecord) => void>;
		subscribed: Array<(rid: string, userId: string) => void>;
	} = { message: [], subscribed: [] };
}
