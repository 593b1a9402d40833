import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	nameContainsFilter,
	returnAllOrLimit,
	sortFilters,
	updateDisplayOptions,
} from '../../shared/descriptions';
import { nameContainsQuery, queryParameter, sortParameter } from '../../shared/helpers/filters';
import { getList } from '../../shared/helpers/lists';
import { compact } from '../helpers/output';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		nameContainsFilter({
			placeholder: 'e.g. project',
			description: 'Only channels whose name contains this text (case-insensitive)',
		}),
		...sortFilters(
			[
				{ name: 'Created At', value: 'ts' },
				{ name: 'Members', value: 'usersCount' },
				{ name: 'Messages', value: 'msgs' },
				{ name: 'Name', value: 'name' },
			],
			'name',
		),
	]),
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	// GET /channels.list (docs/api-map.md)
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = compact({
		query: queryParameter(nameContainsQuery(filters.name)),
		sort: sortParameter(filters, 'name'),
	});
	return await getList.call(this, i, '/channels.list', ['channels', 'rooms'], qs);
}
