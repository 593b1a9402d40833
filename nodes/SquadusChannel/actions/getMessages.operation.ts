import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { channelLocator, returnAllOrLimit } from '../../shared/descriptions';
import { getChannelRef } from '../../shared/helpers';
import { compact, getList, parseJsonObject, sortOptions, sortQuery } from '../helpers';

const properties: INodeProperties[] = [
	channelLocator({ description: 'The channel whose messages to get' }),
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
			{
				displayName: 'Query (JSON)',
				name: 'query',
				type: 'json',
				default: '{}',
				placeholder: 'e.g. {"u.username": "ivan.petrov"}',
				description: 'A MongoDB-style query the messages must match',
			},
			...sortOptions(
				[
					{ name: 'Sent At', value: 'ts' },
					{ name: 'Updated At', value: '_updatedAt' },
				],
				'ts',
			),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getMessages'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// Manual 3.5.10
	const ref = getChannelRef.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const query: IDataObject = {
		...parseJsonObject.call(this, filters.query, 'Query (JSON)', i),
		...(filters.onlyPinned === true ? { pinned: true } : {}),
		...(filters.onlyStarred === true ? { 'starred._id': { $exists: true } } : {}),
	};
	const qs = compact({
		...ref,
		query: Object.keys(query).length ? JSON.stringify(query) : undefined,
		sort: sortQuery(filters, 'ts'),
	});
	return await getList.call(this, i, '/channels.messages', ['messages'], qs);
}
