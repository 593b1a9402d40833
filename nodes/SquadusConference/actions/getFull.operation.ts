import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	conferenceLocator,
	filtersCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getConferenceNumber } from '../../shared/helpers';
import { PAGE_SIZE, squadusApiRequest } from '../../shared/transport';
import { getLimit } from '../helpers/conferenceLists';

const properties: INodeProperties[] = [
	conferenceLocator({ description: 'The conference to get with its participants' }),
	...returnAllOrLimit.map((property) => ({
		...property,
		description:
			property.name === 'returnAll'
				? 'Whether to return all participants or only up to a given limit'
				: 'Max number of participants to return',
	})),
	filtersCollection([
		{
			displayName: 'Participant Status',
			name: 'filter',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Declined', value: 'declined' },
				{ name: 'Not Answered', value: 'not answered' },
				{ name: 'Participate', value: 'participate', description: 'In the conference now' },
				{ name: 'Participated', value: 'participated', description: 'Took part earlier' },
			],
			default: 'all',
			description: 'Only participants with this status',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'e.g. ivan.petrov',
			description: 'Only this participant',
		},
	]),
];

export const description = updateDisplayOptions({ show: { operation: ['getFull'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// GET /scc.getFullConferenceInfo (docs/api-map.md)
	const conferenceNumber = getConferenceNumber.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { conferenceNumber };
	if (filters.filter) qs.filter = filters.filter;
	if (filters.username) qs.username = String(filters.username).trim().replace(/^@/, '');
	const limit = getLimit.call(this, i);

	// The participants are the paged list; the conference around them comes with every page.
	let conference: IDataObject | undefined;
	const participants: IDataObject[] = [];
	let offset = 0;
	while (participants.length < limit) {
		const count = Math.min(PAGE_SIZE, limit - participants.length);
		const { data } = (await squadusApiRequest.call(this, 'GET', '/scc.getFullConferenceInfo', {
			qs: { ...qs, offset, count },
			itemIndex: i,
		})) as { data: IDataObject };
		conference ??= data;
		const page = (data.participants ?? []) as IDataObject[];
		participants.push(...page.slice(0, limit - participants.length));
		offset += page.length;
		const total = data.participantsCount;
		if (page.length < count || (typeof total === 'number' && offset >= total)) break;
	}
	return { ...conference, participants };
}
