/**
 * Rooms (channels, private groups, direct messages) and their subscriptions.
 */
import { randomId } from '../util';
import type { RoomRecord, RoomType, SubscriptionRecord, UserRecord } from './records';
import { UsersState } from './users';

export abstract class RoomsState extends UsersState {
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
		for (const listener of this.listeners.subscribed) listener(rid, userId);
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
}
