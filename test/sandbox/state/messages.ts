/**
 * Messages (with the mentions, channels and URLs parsed from their text) and files: uploads are
 * a file plus the message that carries it.
 */
import { randomId, randomIds } from '../util';
import type { FileRecord, MessageRecord, UserRecord } from './records';
import { RoomsState } from './rooms';

const MENTION_RE = /(?:^|[\s(])@([\p{L}\p{N}._-]+)/gu;
const CHANNEL_RE = /(?:^|[\s(])#([\p{L}\p{N}._-]+)/gu;
const URL_RE = /https?:\/\/[^\s<>"']+/g;

export function fileUrl(file: Pick<FileRecord, '_id' | 'name'>): string {
	return `/file-upload/${file._id}/${encodeURIComponent(file.name)}`;
}

export abstract class MessagesState extends RoomsState {
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
		for (const listener of this.listeners.message) listener(message);
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
		if (this.listeners.message.length) {
			for (const id of ids) {
				const message = this.messages.get(id);
				if (message) for (const listener of this.listeners.message) listener(message);
			}
		}
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
}
