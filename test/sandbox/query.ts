/**
 * A small MongoDB-like matcher, sorter and projector for the `query`, `sort` and `fields`
 * parameters. It works on the public (serialized) documents, so dates compare as ISO strings.
 */
import { invalidParams } from './errors';
import type { Params, SortSpec } from './params';
import { isPlainObject } from './util';

type Doc = Record<string, unknown>;

export function getPath(doc: unknown, path: string): unknown {
	let current: unknown = doc;
	for (const part of path.split('.')) {
		if (Array.isArray(current)) {
			const collected: unknown[] = [];
			for (const item of current) {
				const value = isPlainObject(item) ? item[part] : undefined;
				if (Array.isArray(value)) collected.push(...value);
				else if (value !== undefined) collected.push(value);
			}
			current = collected;
		} else if (isPlainObject(current)) {
			current = current[part];
		} else {
			return undefined;
		}
	}
	return current;
}

function equals(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

function compare(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === undefined || a === null) return -1;
	if (b === undefined || b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	const sa = typeof a === 'string' ? a : JSON.stringify(a);
	const sb = typeof b === 'string' ? b : JSON.stringify(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function anyOf(value: unknown, test: (v: unknown) => boolean): boolean {
	if (Array.isArray(value)) return value.some(test) || test(value);
	return test(value);
}

function matchCondition(value: unknown, condition: unknown): boolean {
	if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
		for (const [op, arg] of Object.entries(condition)) {
			switch (op) {
				case '$eq':
					if (!anyOf(value, (v) => equals(v, arg))) return false;
					break;
				case '$ne':
					if (anyOf(value, (v) => equals(v, arg))) return false;
					break;
				case '$in':
					if (!Array.isArray(arg)) throw invalidParams('$in needs an array');
					if (!anyOf(value, (v) => arg.some((a) => equals(v, a)))) return false;
					break;
				case '$nin':
					if (!Array.isArray(arg)) throw invalidParams('$nin needs an array');
					if (anyOf(value, (v) => arg.some((a) => equals(v, a)))) return false;
					break;
				case '$gt':
					if (!anyOf(value, (v) => v !== undefined && compare(v, arg) > 0)) return false;
					break;
				case '$gte':
					if (!anyOf(value, (v) => v !== undefined && compare(v, arg) >= 0)) return false;
					break;
				case '$lt':
					if (!anyOf(value, (v) => v !== undefined && compare(v, arg) < 0)) return false;
					break;
				case '$lte':
					if (!anyOf(value, (v) => v !== undefined && compare(v, arg) <= 0)) return false;
					break;
				case '$exists': {
					const exists = value !== undefined && value !== null;
					if (Boolean(arg) !== exists) return false;
					break;
				}
				case '$regex': {
					let re: RegExp;
					try {
						const options =
							typeof condition.$options === 'string'
								? condition.$options.replace(/[^imsu]/g, '')
								: '';
						re = new RegExp(String(arg), options);
					} catch {
						throw invalidParams(`Invalid $regex: ${String(arg)}`);
					}
					if (!anyOf(value, (v) => typeof v === 'string' && re.test(v))) return false;
					break;
				}
				case '$options':
					break;
				default:
					throw invalidParams(`Unsupported query operator ${op}`);
			}
		}
		return true;
	}
	return anyOf(value, (v) => equals(v, condition));
}

export function matches(doc: Doc, query: Params): boolean {
	for (const [key, condition] of Object.entries(query)) {
		if (key === '$or' || key === '$and' || key === '$nor') {
			if (!Array.isArray(condition) || !condition.every(isPlainObject))
				throw invalidParams(`${key} needs an array of objects`);
			const results = (condition as Params[]).map((q) => matches(doc, q));
			if (key === '$or' && !results.some(Boolean)) return false;
			if (key === '$and' && !results.every(Boolean)) return false;
			if (key === '$nor' && results.some(Boolean)) return false;
			continue;
		}
		if (key.startsWith('$')) throw invalidParams(`Unsupported query operator ${key}`);
		if (!matchCondition(getPath(doc, key), condition)) return false;
	}
	return true;
}

export function sortDocs<T extends Doc>(docs: T[], sort: SortSpec): T[] {
	return docs.sort((a, b) => {
		for (const [field, direction] of sort) {
			const c = compare(getPath(a, field), getPath(b, field));
			if (c !== 0) return c * direction;
		}
		return 0;
	});
}

/** fields={"name":1} keeps listed fields (+_id); fields={"name":0} drops them. */
export function project<T extends Doc>(doc: T, fields: Params | undefined): Doc {
	if (!fields || Object.keys(fields).length === 0) return doc;
	const entries = Object.entries(fields);
	const inclusive = entries.some(([k, v]) => k !== '_id' && (v === 1 || v === true));
	if (inclusive) {
		const out: Doc = {};
		if (fields._id !== 0 && fields._id !== false && '_id' in doc) out._id = doc._id;
		for (const [k, v] of entries) {
			if ((v === 1 || v === true) && k in doc) out[k] = doc[k];
		}
		return out;
	}
	const out: Doc = { ...doc };
	for (const [k, v] of entries) if (v === 0 || v === false) delete out[k];
	return out;
}

export function validateFields(fields: Params | undefined): void {
	if (!fields) return;
	for (const [k, v] of Object.entries(fields)) {
		if (![0, 1, true, false].includes(v as number | boolean)) {
			throw invalidParams(`Invalid fields parameter provided: "${k}" must be 0 or 1`);
		}
	}
}
