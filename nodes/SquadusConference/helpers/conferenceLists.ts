import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	filtersCollection,
	returnAllOrLimit,
	sortByFilter,
	sortDirectionFilter,
} from '../../shared/descriptions';
import { isEmptyDate, toEpochMilliseconds } from '../../shared/helpers/dates';
import { squadusApiRequestAllItems } from '../../shared/transport';

const filterFields: Record<string, INodeProperties> = {
	hasRecords: {
		displayName: 'Has Records',
		name: 'hasRecords',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only conferences with a recording (on) or only those without (off)',
	},
	name: {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Weekly sync',
		description: 'Only conferences with this name',
	},
	rid: {
		displayName: 'Room ID',
		name: 'rid',
		type: 'string',
		default: '',
		placeholder: 'e.g. GENERAL',
		description: 'Only conferences of this room',
	},
	role: {
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Moderator', value: 'MODERATOR' },
			{ name: 'User', value: 'USER' },
		],
		default: 'MODERATOR',
		description: 'Only conferences where the user has this role',
	},
	sort: sortByFilter(
		[
			{ name: 'Created At', value: 'createdAt' },
			{ name: 'Ended', value: 'ended' },
			{ name: 'Name', value: 'name' },
			{ name: 'Number', value: 'number' },
			{ name: 'Room ID', value: 'rid' },
			{ name: 'Started', value: 'started' },
			{ name: 'Status', value: 'status' },
			{ name: 'Type', value: 'type' },
		],
		'createdAt',
		{ name: 'sort', description: 'The field to sort the conferences by' },
	),
	sortOrder: sortDirectionFilter({ displayName: 'Sort Order', name: 'sortOrder' }),
	startedAfter: {
		displayName: 'Started After',
		name: 'startedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only conferences that started after this time',
	},
	status: {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Booked', value: 'BOOKED' },
			{ name: 'Created', value: 'CREATED' },
			{ name: 'Ended', value: 'ENDED' },
			{ name: 'Started', value: 'STARTED' },
		],
		default: 'STARTED',
		description: 'Only conferences with this status',
	},
	userId: {
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'e.g. BsNr28znDkG8aeo7W',
		description: 'Only conferences of this user',
	},
};

export type ConferenceFilter = keyof typeof filterFields;

/** Return All / Limit and a Filters collection with the given filters of manual 3.8.12–3.8.14. */
export function conferenceListFields(filters: ConferenceFilter[]): INodeProperties[] {
	return [...returnAllOrLimit, filtersCollection(filters.map((name) => filterFields[name]))];
}

/** Return All / Limit: how many results to fetch (Infinity for all). */
export function getLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex) as boolean) return Infinity;
	const limit = this.getNodeParameter('limit', itemIndex);
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Limit" must be a whole number of 1 or more, not ${JSON.stringify(limit)}`,
			{
				itemIndex,
				description: 'Set Limit to how many results to return, or turn on Return All',
			},
		);
	}
	return limit;
}

/** A page-walked conference list: `results` of the endpoint, with the Filters as query. */
export async function getConferenceList(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = { ...qs };
	for (const [key, value] of Object.entries(filters)) {
		if (value === '' || value === undefined || value === null) continue;
		query[key] = value;
	}
	if (!isEmptyDate(filters.startedAfter)) {
		const millis = toEpochMilliseconds.call(this, filters.startedAfter, itemIndex, 'Started After');
		query.startedAfter = new Date(millis).toISOString();
	} else {
		delete query.startedAfter;
	}
	const limit = getLimit.call(this, itemIndex);
	return await squadusApiRequestAllItems.call(this, 'GET', endpoint, {
		qs: query,
		listKeys: ['results'],
		returnAll: limit === Infinity,
		limit,
		itemIndex,
	});
}
