import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	filtersCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getChannelRef } from '../../shared/helpers';
import { getList } from '../../shared/helpers/lists';
import { splitNames } from '../../shared/helpers/names';
import { compact } from '../helpers';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel whose members to get' }),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Search',
			name: 'filter',
			type: 'string',
			default: '',
			placeholder: 'e.g. petrov',
			description:
				'Only members with this text in their username, name, bio or nickname (the fields the administrator set for search)',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: [
				{ name: 'Away', value: 'away' },
				{ name: 'Busy', value: 'busy' },
				{ name: 'Offline', value: 'offline' },
				{ name: 'Online', value: 'online' },
			],
			default: [],
			description: 'Only members with one of these statuses',
		},
		{
			displayName: 'User IDs',
			name: 'ids',
			type: 'string',
			default: '',
			placeholder: 'e.g. BsNr28znDkG8aeo7W, 8MvNjAh5hDzbfjmgt',
			description: 'Only these members, by user ID, separated by commas',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// Manual 3.5.9
	const ref = getChannelRef.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = compact({
		...ref,
		status: ((filters.status as string[] | undefined) ?? []).join(','),
		filter: String(filters.filter ?? '').trim(),
		ids: splitNames(filters.ids).join(','),
	});
	return await getList.call(this, i, '/channels.members', ['members'], qs);
}
