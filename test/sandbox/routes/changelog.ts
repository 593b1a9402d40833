/**
 * Admin changelog (manual 3.7).
 */
import type { ApiContext, Route } from '../core';
import { jsonParam, page, pagination, sortParam } from '../params';
import { matches, sortDocs } from '../query';
import { iso } from '../util';
import { requireAdmin } from './common';

function list(ctx: ApiContext): unknown {
	requireAdmin(ctx);
	const p = pagination(ctx.query, ctx.core.config.maxCount);
	const sort = sortParam(ctx.query) ?? [['date', -1]];
	const query = jsonParam(ctx.query, 'query');
	let docs: Array<Record<string, unknown>> = ctx.core.state.changelog.map((entry) => ({
		...entry,
		date: iso(entry.date),
	}));
	if (query) docs = docs.filter((d) => matches(d, query));
	sortDocs(docs, sort);
	return page('logs', docs.slice(p.offset, p.offset + p.count), p, docs.length);
}

export const changelogRoutes: Route[] = [{ method: 'GET', path: 'changelog.list', handler: list }];
