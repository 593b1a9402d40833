import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { roomLocator, updateDisplayOptions } from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import { feedPage, PAGE_SIZE, readNewer, toMillis, type Position } from '../feed';
import type { TriggerEvent } from '../types';

export type ConferenceEventName = 'conferenceCreated' | 'conferenceStarted' | 'conferenceEnded';

/** The timestamp that marks each event; the list endpoints sort by it. */
const TIME_FIELD: Record<ConferenceEventName, string> = {
	conferenceCreated: 'createdAt',
	conferenceStarted: 'started',
	conferenceEnded: 'ended',
};

export const description = updateDisplayOptions({ show: { event: Object.keys(TIME_FIELD) } }, [
	{
		displayName: 'Conferences In',
		name: 'conferencesIn',
		type: 'options',
		options: [
			{
				name: 'All My Conferences',
				value: 'user',
				description: 'Conferences the user of the credential is invited to or created',
			},
			{ name: 'A Room', value: 'room', description: 'Conferences held in one room' },
		],
		default: 'user',
	},
	...updateDisplayOptions({ show: { conferencesIn: ['room'] } }, [
		roomLocator({ description: 'The room whose conferences to watch' }),
	]),
]);

function roomId(this: IPollFunctions): string | undefined {
	if (this.getNodeParameter('conferencesIn', 'user') !== 'room') return undefined;
	const rid = String(this.getNodeParameter('room', '', { extractValue: true }) ?? '').trim();
	if (!rid) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Room" is empty', {
			description: 'Pick the room whose conferences to watch, or enter its ID',
		});
	}
	return rid;
}

/** Conference Created, Started or Ended: the conference lists sorted by that event's time. */
export function conferenceEvent(event: ConferenceEventName): TriggerEvent {
	const field = TIME_FIELD[event];
	const timeOf = (conference: IDataObject) => toMillis(conference[field]);
	const idOf = (conference: IDataObject) =>
		String(conference.number ?? conference.id ?? conference._id);
	return {
		description,
		timeOf,
		idOf,
		key(this: IPollFunctions) {
			return `${event}:${roomId.call(this) ?? 'user'}`;
		},
		// GET /scc.getRoomConferences, GET /scc.getUserConferences (docs/api-map.md)
		async read(this: IPollFunctions, since: Position | undefined, all: boolean) {
			const rid = roomId.call(this);
			const endpoint = rid ? '/scc.getRoomConferences' : '/scc.getUserConferences';
			const feed = {
				page: async (offset: number) => {
					const qs: IDataObject = { sort: field, sortOrder: 'desc', offset, count: PAGE_SIZE };
					if (rid) qs.rid = rid;
					const response = (await squadusApiRequest.call(this, 'GET', endpoint, {
						qs,
					})) as IDataObject;
					return feedPage(response, 'results');
				},
				timeOf,
				idOf,
			};
			return await readNewer(feed, since, all);
		},
	};
}
