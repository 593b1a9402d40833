import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { byDisplayName } from './options';

/**
 * The Filters collection of a list operation, its filters sorted by display name (as n8n's
 * lint wants collections, which it cannot check once the options are built here).
 */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...options].sort(byDisplayName),
	};
}

/** "Name Contains": read with nameContainsQuery (nodes/shared/helpers/filters.ts). */
export function nameContainsFilter(
	text: Required<Pick<INodeProperties, 'placeholder' | 'description'>>,
): INodeProperties {
	return { displayName: 'Name Contains', name: 'name', type: 'string', default: '', ...text };
}

/** "Query (JSON)": a MongoDB-style query, read with parseJsonObject (nodes/shared/helpers/json.ts). */
export function jsonQueryFilter(
	text: Required<Pick<INodeProperties, 'placeholder' | 'description'>>,
): INodeProperties {
	return { displayName: 'Query (JSON)', name: 'query', type: 'json', default: '{}', ...text };
}

/** The field to sort by, from the given options. */
export function sortByFilter(
	fields: INodePropertyOptions[],
	defaultField: string,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: fields,
		default: defaultField,
		description: 'The field to sort the results by',
		...overrides,
	};
}

/** Ascending or descending (`asc` / `desc`), descending by default. */
export function sortDirectionFilter(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'desc',
		...overrides,
	};
}

/** Sort By and Sort Direction, read with sortParameter (nodes/shared/helpers/filters.ts). */
export function sortFilters(
	fields: INodePropertyOptions[],
	defaultField: string,
): INodeProperties[] {
	return [sortByFilter(fields, defaultField), sortDirectionFilter()];
}
