import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { compact, escapeRegex, getList, sortOptions, sortQuery } from '../helpers';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. project',
				description: 'Only channels whose name contains this text (case-insensitive)',
			},
			...sortOptions(
				[
					{ name: 'Created At', value: 'ts' },
					{ name: 'Members', value: 'usersCount' },
					{ name: 'Messages', value: 'msgs' },
					{ name: 'Name', value: 'name' },
				],
				'name',
			),
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// Manual 3.5.8
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const name = String(filters.name ?? '').trim();
	const qs = compact({
		query: name
			? JSON.stringify({ name: { $regex: escapeRegex(name), $options: 'i' } })
			: undefined,
		sort: sortQuery(filters, 'name'),
	});
	return await getList.call(this, i, '/channels.list', ['channels', 'rooms'], qs);
}
