import type { IDataObject } from 'n8n-workflow';

/** The server caps `count` at 100 by default; an administrator can set a lower cap. */
export const PAGE_SIZE = 100;

/**
 * Items may show up late with an older timestamp (another server node's clock, a slow insert),
 * so each poll looks this far behind the newest timestamp seen and skips the ids it remembers.
 */
export const LATE_ARRIVAL_MS = 10_000;
const MAX_SEEN = 2_000;

/** How far a trigger has read. */
export interface Position {
	/** what is watched (event and channel, room…); another key starts over */
	key: string;
	/** the newest timestamp seen, epoch milliseconds */
	ts: number;
	/** every item from this timestamp on has been seen (and is in `seen` if in the window) */
	from: number;
	/** id → timestamp of the items seen in the LATE_ARRIVAL_MS before `ts` */
	seen: Record<string, number>;
}

/** One page of a feed, and the list's `total` when the server sends it. */
export interface FeedPage {
	items: IDataObject[];
	total?: number;
}

/** The page under `key` of a paginated answer, with its `total`. */
export function feedPage(response: IDataObject, key: string): FeedPage {
	const items = Array.isArray(response[key]) ? (response[key] as IDataObject[]) : [];
	return { items, total: typeof response.total === 'number' ? response.total : undefined };
}

/** A list the server returns newest first, page by page. */
export interface Feed {
	page(offset: number): Promise<FeedPage>;
	/** The timestamp the list is sorted by; undefined for items not in the list yet. */
	timeOf(item: IDataObject): number | undefined;
	idOf(item: IDataObject): string;
}

/** What a read found, newest first, and from which timestamp on it saw everything (0: all). */
export interface Read {
	items: IDataObject[];
	covered: number;
}

/** An ISO string, epoch milliseconds or Mongo's `{ $date }` as epoch milliseconds. */
export function toMillis(value: unknown): number | undefined {
	if (value && typeof value === 'object' && '$date' in value) {
		return toMillis((value as { $date: unknown }).$date);
	}
	const ms =
		typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Reads a newest-first feed down to `since` and returns the items it has not seen. It looks
 * LATE_ARRIVAL_MS further back within the pages it reads anyway, but asks for another page only
 * while the items are newer than `since`: a poll with nothing new costs one request. Without
 * `since` it reads the first page, or (`all`) everything.
 */
export async function readNewer(
	feed: Feed,
	since: Position | undefined,
	all = false,
): Promise<Read> {
	const found = new Map<string, IDataObject>();
	const done = (covered: number): Read => ({ items: [...found.values()], covered });
	let floor = since
		? Math.max(since.ts - LATE_ARRIVAL_MS, since.from)
		: all
			? -Infinity
			: undefined;
	for (let offset = 0; ; ) {
		const { items: page, total } = await feed.page(offset);
		let last: number | undefined;
		for (const item of page) {
			last = feed.timeOf(item);
			if (last === undefined) return done(0);
			floor ??= last - LATE_ARRIVAL_MS;
			if (last < floor) return done(floor);
			const id = feed.idOf(item);
			// items that arrive while we page shift the offsets: keep each once
			if (!since?.seen[id] && !found.has(id)) found.set(id, item);
		}
		// a server with a lower count cap answers short pages that are not the last one: the next
		// page starts after what came, and `total` (when sent) says where the list ends
		offset += page.length;
		const end = total !== undefined ? offset >= total : page.length < PAGE_SIZE;
		if (end || last === undefined) return done(0);
		// the next page may hold more items with the same timestamp as this page's last
		if (since ? last < since.ts : !all) return done(last + 1);
	}
}

/** The position after `items` were read. */
export function advance(
	position: Position,
	{ items, covered }: Read,
	timeOf: Feed['timeOf'],
	idOf: Feed['idOf'],
): Position {
	const seen = { ...position.seen };
	let ts = position.ts;
	for (const item of items) {
		const itemTs = timeOf(item);
		if (itemTs === undefined) continue;
		seen[idOf(item)] = itemTs;
		ts = Math.max(ts, itemTs);
	}
	const from = Math.max(position.from, covered);
	const kept = Object.entries(seen)
		.filter(([, seenTs]) => seenTs >= Math.max(from, ts - LATE_ARRIVAL_MS))
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_SEEN);
	return { key: position.key, ts, from, seen: Object.fromEntries(kept) };
}

/** Sorts newest first by the feed's timestamp. */
export function newestFirst(items: IDataObject[], timeOf: Feed['timeOf']): IDataObject[] {
	return [...items].sort((a, b) => (timeOf(b) ?? 0) - (timeOf(a) ?? 0));
}
