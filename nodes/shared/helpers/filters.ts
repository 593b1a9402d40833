import type { IDataObject } from 'n8n-workflow';

/** Text with the regular-expression characters escaped, to match it literally. */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query for a "Name Contains" filter: a case-insensitive match of the text, or nothing. */
export function nameContainsQuery(text: unknown): IDataObject {
	// a leading # or @ is how people (and models) write names, not part of them
	const name = String(text ?? '')
		.trim()
		.replace(/^[#@]/, '');
	return name ? { name: { $regex: escapeRegex(name), $options: 'i' } } : {};
}

/** The API's `query` parameter: the query as JSON, or undefined when it is empty. */
export function queryParameter(query: IDataObject): string | undefined {
	return Object.keys(query).length ? JSON.stringify(query) : undefined;
}

/** The API's `sort` JSON for the Sort By / Sort Direction filters, or undefined when neither is set. */
export function sortParameter(filters: IDataObject, defaultField: string): string | undefined {
	if (filters.sortBy === undefined && filters.sortDirection === undefined) return undefined;
	const field = (filters.sortBy as string) || defaultField;
	return JSON.stringify({ [field]: filters.sortDirection === 'asc' ? 1 : -1 });
}
