import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type JsonObject,
} from 'n8n-workflow';

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
 * Return All's hard cap: a server that never stops answering full pages of new items
 * (100,000 items) ends the run with an error rather than paging forever.
 */
export const MAX_PAGES = 1000;

/** An item's identity for "already emitted": its `_id`, or the whole item (JSON starts with `{`). */
function keyOf(item: IDataObject): string {
	return typeof item._id === 'string' ? `id:${item._id}` : JSON.stringify(item);
}

/** A warning shown on the node's output (where the context supports it) and in n8n's log. */
function warn(context: SquadusContext, message: string) {
	const hints = (context as Partial<IExecuteFunctions>).addExecutionHints;
	if (typeof hints === 'function')
		hints.call(context, { message, type: 'warning', location: 'outputPane' });
	context.logger.warn(message);
}

/**
 * Walks offset/count pages. Return All fetches pages of 100 until `total` is reached;
 * Limit asks for no more than it needs and stops as soon as it has enough.
 *
 * Every loop ends, whatever the server does: an item already emitted is never emitted again;
 * a page that brings nothing new (the server ignores `offset`) ends the walk with a warning;
 * and Return All fails after MAX_PAGES pages.
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
	const seen = new Set<string>();
	let offset = Number(options.qs?.offset ?? 0);

	for (let pages = 1; results.length < limit; pages++) {
		if (pages > MAX_PAGES) {
			throw new NodeApiError(this.getNode(), {} as JsonObject, {
				message: `Return All stopped after ${MAX_PAGES} pages (${results.length} items): Squadus kept sending more`,
				description:
					'Either the list is larger than one run should load, or the server does not page correctly. Turn off Return All and set a Limit, or narrow the list with filters.',
				itemIndex,
			});
		}
		const count = Math.min(PAGE_SIZE, limit - results.length);
		const response = (await squadusApiRequest.call(this, method, endpoint, {
			qs: { ...options.qs, offset, count },
			itemIndex,
		})) as IDataObject;
		const page = pickList(response, listKeys);
		let fresh = 0;
		for (const item of page) {
			if (results.length >= limit) break;
			const key = keyOf(item);
			if (seen.has(key)) continue;
			seen.add(key);
			results.push(item);
			fresh++;
		}
		if (page.length > 0 && fresh === 0) {
			warn(
				this,
				`Squadus answered ${endpoint} at offset ${offset} with only items it had already sent (it may ignore offset), so the list stopped at ${results.length} items`,
			);
			break;
		}
		offset += page.length;
		const total = typeof response.total === 'number' ? response.total : undefined;
		// `total` decides when it is known: a server with a lower count cap answers short
		// pages that are not the last one. Without it, a short page is the last.
		const done = total !== undefined ? offset >= total : page.length < count;
		if (page.length === 0 || done) break;
	}
	return results;
}
