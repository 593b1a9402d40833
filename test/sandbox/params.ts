/**
 * Request parameter validation with Rocket.Chat's (ajv) wording and pagination helpers.
 */
import { invalidParams, missingParam } from './errors';
import { isPlainObject } from './util';

export type Params = Record<string, unknown>;

/** The JSON body must be an object. */
export function bodyObject(body: unknown): Params {
	if (body === undefined || body === null || body === '') return {};
	if (!isPlainObject(body)) throw invalidParams('must be object');
	return body;
}

function present(params: Params, key: string): boolean {
	return params[key] !== undefined && params[key] !== null;
}

export function reqString(params: Params, key: string): string {
	const value = params[key];
	if (value === undefined || value === null) throw missingParam(key);
	if (typeof value !== 'string') throw invalidParams(`'${key}' must be string`);
	if (value.trim() === '') throw invalidParams(`'${key}' must NOT have fewer than 1 characters`);
	return value;
}

export function optString(params: Params, key: string): string | undefined {
	if (!present(params, key)) return undefined;
	const value = params[key];
	if (typeof value !== 'string') throw invalidParams(`'${key}' must be string`);
	return value;
}

/** Booleans arrive as JSON booleans, or as 'true'/'false' (query strings, form bodies) or 0/1. */
export function optBool(params: Params, key: string): boolean | undefined {
	if (!present(params, key)) return undefined;
	const value = params[key];
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1 || value === '1') return true;
	if (value === 'false' || value === 0 || value === '0') return false;
	throw invalidParams(`'${key}' must be boolean`);
}

export function reqBool(params: Params, key: string): boolean {
	const value = optBool(params, key);
	if (value === undefined) throw missingParam(key);
	return value;
}

export function optNumber(params: Params, key: string): number | undefined {
	if (!present(params, key)) return undefined;
	const value = params[key];
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw invalidParams(`'${key}' must be number`);
	return value;
}

export function optStringArray(params: Params, key: string): string[] | undefined {
	if (!present(params, key)) return undefined;
	const value = params[key];
	if (!Array.isArray(value)) throw invalidParams(`'${key}' must be array`);
	value.forEach((item, i) => {
		if (typeof item !== 'string') throw invalidParams(`'${key}/${i}' must be string`);
	});
	return value as string[];
}

export function reqStringArray(params: Params, key: string): string[] {
	const value = optStringArray(params, key);
	if (value === undefined) throw missingParam(key);
	return value;
}

export function optObject(params: Params, key: string): Params | undefined {
	if (!present(params, key)) return undefined;
	const value = params[key];
	if (!isPlainObject(value)) throw invalidParams(`'${key}' must be object`);
	return value;
}

export interface Pagination {
	offset: number;
	count: number;
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 100;

function parseNonNegativeInt(query: Params, key: string): number | undefined {
	const raw = query[key];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = typeof raw === 'number' ? String(raw) : raw;
	if (typeof text !== 'string' || !/^\d+$/.test(text.trim())) {
		throw invalidParams(`'${key}' must be a non-negative integer`);
	}
	const value = Number(text.trim());
	if (!Number.isSafeInteger(value)) throw invalidParams(`'${key}' must be a non-negative integer`);
	return value;
}

/**
 * offset (default 0), count (default 50, capped at `maxCount`, the server's upper count limit,
 * 100 unless configured; 0 means the default, itself capped).
 */
export function pagination(query: Params, maxCount = MAX_COUNT): Pagination {
	const offset = parseNonNegativeInt(query, 'offset') ?? 0;
	let count = parseNonNegativeInt(query, 'count') ?? DEFAULT_COUNT;
	if (count === 0) count = DEFAULT_COUNT;
	if (count > maxCount) count = maxCount;
	return { offset, count };
}

/** A JSON-encoded query parameter (sort, query, fields); bad JSON -> 400 invalid-params. */
export function jsonParam(query: Params, key: string): Params | undefined {
	const raw = query[key];
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'string') throw invalidParams(`'${key}' must be string`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw invalidParams(`Invalid ${key} parameter provided: "${raw.slice(0, 200)}"`);
	}
	if (!isPlainObject(parsed))
		throw invalidParams(`Invalid ${key} parameter provided: "${raw.slice(0, 200)}"`);
	return parsed;
}

export type SortSpec = Array<[string, 1 | -1]>;

export function sortParam(query: Params, allowed?: string[]): SortSpec | undefined {
	const sort = jsonParam(query, 'sort');
	if (!sort) return undefined;
	const spec: SortSpec = [];
	for (const [field, direction] of Object.entries(sort)) {
		if (direction !== 1 && direction !== -1) {
			throw invalidParams(
				`Invalid sort parameter provided: sort direction of "${field}" must be 1 or -1`,
			);
		}
		if (allowed && !allowed.includes(field)) {
			throw invalidParams(`Invalid sort parameter provided: "${field}" is not a sortable field`);
		}
		spec.push([field, direction]);
	}
	return spec.length ? spec : undefined;
}

/** Rocket.Chat's paginated answer. */
export function page<T>(
	key: string,
	items: T[],
	p: Pagination,
	total: number,
): Record<string, unknown> {
	return { [key]: items, count: items.length, offset: p.offset, total, success: true };
}
