import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	filtersCollection,
	jsonQueryFilter,
	returnAllOrLimit,
	sortFilters,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { getChannelId } from '../../shared/helpers';
import { queryParameter, sortParameter } from '../../shared/helpers/filters';
import { parseJsonObject } from '../../shared/helpers/json';
import { getList } from '../../shared/helpers/lists';
import { compact } from '../helpers/output';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel whose messages to get' }),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Only Pinned',
			name: 'onlyPinned',
			type: 'boolean',
			default: false,
			description: 'Whether to return only pinned messages',
		},
		{
			displayName: 'Only Starred',
			name: 'onlyStarred',
			type: 'boolean',
			default: false,
			description: 'Whether to return only messages someone has starred',
		},
		jsonQueryFilter({
			placeholder: 'e.g. {"u.username": "ivan.petrov"}',
			description: 'A MongoDB-style query the messages must match',
		}),
		...sortFilters(
			[
				{ name: 'Sent At', value: 'ts' },
				{ name: 'Updated At', value: '_updatedAt' },
			],
			'ts',
		),
	]),
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getMessages'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// GET /channels.messages (docs/api-map.md). Rocket.Chat has required `roomId` here since 4.x and refuses `roomName`
	// (its validator has no roomName): a channel given by name is looked up first.
	const roomId = await getChannelId.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const query: IDataObject = {
		...parseJsonObject.call(
			this,
			filters.query,
			'Query (JSON)',
			i,
			'{"u.username": "ivan.petrov"}',
		),
		...(filters.onlyPinned === true ? { pinned: true } : {}),
		...(filters.onlyStarred === true ? { 'starred._id': { $exists: true } } : {}),
	};
	const qs = compact({
		roomId,
		query: queryParameter(query),
		sort: sortParameter(filters, 'ts'),
	});
	return await getList.call(this, i, '/channels.messages', ['messages'], qs);
}
