/**
 * Conferences by id and by number (calls and invitations are plain tables: tables.ts).
 */
import { objectId } from '../util';
import type { ConferenceRecord } from './records';
import { MessagesState } from './messages';

export abstract class ConferencesState extends MessagesState {
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
}
