import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { squadusApiRequest, type SquadusContext } from './request';

/** The server caps `count` at 100. */
export const PAGE_SIZE = 100;

export interface PaginateOptions {
	qs?: IDataObject;
	/** Keys the list may come under, in order of preference (e.g. `['channels', 'rooms']`). */
	listKeys: string[];
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
	itemIndex?: number;
}

function pickList(response: IDataObject, listKeys: string[]): IDataObject[] {
	for (const key of listKeys) {
		const value = response[key];
		if (Array.isArray(value)) return value as IDataObject[];
	}
	return [];
}

/**
 * Walks offset/count pages. Return All fetches pages of 100 until `total` is reached;
 * Limit asks for no more than it needs and stops as soon as it has enough.
 */
export async function squadusApiRequestAllItems(
	this: SquadusContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: PaginateOptions,
): Promise<IDataObject[]> {
	const { listKeys, returnAll, itemIndex } = options;
	const limit = returnAll ? Infinity : Math.max(0, options.limit ?? 50);
	const results: IDataObject[] = [];
	let offset = Number(options.qs?.offset ?? 0);

	while (results.length < limit) {
		const count = Math.min(PAGE_SIZE, limit - results.length);
		const response = (await squadusApiRequest.call(this, method, endpoint, {
			qs: { ...options.qs, offset, count },
			itemIndex,
		})) as IDataObject;
		const page = pickList(response, listKeys);
		results.push(...page.slice(0, limit - results.length));
		offset += page.length;
		const total = typeof response.total === 'number' ? response.total : undefined;
		// `total` decides when it is known: a server with a lower count cap answers short
		// pages that are not the last one. Without it, a short page is the last.
		const done = total !== undefined ? offset >= total : page.length < count;
		if (page.length === 0 || done) break;
	}
	return results;
}
