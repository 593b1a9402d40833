import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	filtersCollection,
	returnAllOrLimit,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getChannelRef } from '../../shared/helpers';
import { manualThenRocketChat } from '../../shared/helpers/compat';
import { getList } from '../../shared/helpers/lists';
import { squadusApiRequestAllItems } from '../../shared/transport';
import { splitNames } from '../../shared/helpers/names';
import { compact } from '../helpers/output';

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
	// GET /channels.members (docs/api-map.md)
	const ref = getChannelRef.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	// Rocket.Chat reads `status` as an array (`status[]=online&status[]=away`).
	const qs = compact({
		...ref,
		status: (filters.status as string[] | undefined) ?? [],
		filter: String(filters.filter ?? '').trim(),
	});
	const ids = splitNames(filters.ids);
	if (ids.length === 0) return await getList.call(this, i, '/channels.members', ['members'], qs);
	// The manual's `ids` filter; Rocket.Chat 8.x refuses it as an additional property: then every
	// member is read and the IDs are picked here.
	return await manualThenRocketChat(
		async () =>
			await getList.call(this, i, '/channels.members', ['members'], {
				...qs,
				ids: ids.join(','),
			}),
		async () => {
			const wanted = new Set(ids);
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
			const all = await squadusApiRequestAllItems.call(this, 'GET', '/channels.members', {
				qs,
				listKeys: ['members'],
				returnAll: true,
				itemIndex: i,
			});
			return all.filter((member) => wanted.has(String(member._id))).slice(0, limit);
		},
	);
}
