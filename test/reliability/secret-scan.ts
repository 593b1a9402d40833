// The secret scan over what the whole test suite showed: see test/harness/secret-log.ts.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

export interface Leak {
	file: string;
	test: string;
	/** where in the run's visible data, e.g. outputs.Squadus[0][3].json.token */
	where: string;
	/** the secret, masked */
	secret: string;
}

interface RunRecord {
	test: string;
	visible?: unknown;
	/** the run's nodes by name (test/harness/secret-log.ts) */
	nodes?: Record<string, { type: string; operation?: string }>;
	secrets?: string[];
	sessionTokens?: string[];
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const SQUADUS_AUTH = 'n8n-nodes-squadus.squadusAuth';
/** The operations whose purpose is to output a new session token (the README warns). */
const LOGIN_OPERATIONS = new Set(['login', 'loginWithSaml', 'loginWithOAuth']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const mask = (secret: string) => `${secret.slice(0, 3)}…(${secret.length} chars)`;

/** Every string in `value` (object keys included) with its path. */
function* strings(value: unknown, path: string[]): Generator<{ text: string; path: string[] }> {
	if (typeof value === 'string') {
		yield { text: value, path };
		return;
	}
	if (typeof value !== 'object' || value === null) return;
	for (const [key, child] of Object.entries(value)) {
		if (!Array.isArray(value)) yield { text: key, path };
		yield* strings(child, [...path, key]);
	}
}

const pathText = (path: string[]) =>
	path.reduce((text, key) => (/^\d+$/.test(key) ? `${text}[${key}]` : `${text}.${key}`), 'run');

/**
 * What a run may show: its Manual Trigger's output (the test's own input, not a node's), and a
 * session token as the `authToken` of an item that Squadus Auth's Log In operations output.
 * Anything else holding a secret is a leak (a password there, or that token in an error or log).
 */
function allowedIn(record: RunRecord, sessionTokens: Set<string>) {
	const nodes = record.nodes ?? {};
	return (text: string, path: string[]): boolean => {
		if (path[0] !== 'outputs' || path.length < 2) return false;
		const node = nodes[path[1]];
		if (node?.type === MANUAL_TRIGGER) return true;
		return (
			node?.type === SQUADUS_AUTH &&
			LOGIN_OPERATIONS.has(node.operation ?? '') &&
			path.length === 6 &&
			path[4] === 'json' &&
			path[5] === 'authToken' &&
			sessionTokens.has(text)
		);
	};
}

function readRecords(dir: string): Array<RunRecord & { file: string }> {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.jsonl'))
		.flatMap((name) =>
			readFileSync(join(dir, name), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => ({ ...(JSON.parse(line) as RunRecord), file: name })),
		);
}

/** Every place where a secret known anywhere in the suite shows up in a run's visible data. */
export function findLeaks(
	dir: string,
	extraSecrets: string[] = [],
): { leaks: Leak[]; runs: number; secrets: number } {
	const records = readRecords(dir);
	const secrets = [
		...new Set([...extraSecrets, ...records.flatMap((record) => record.secrets ?? [])]),
	]
		.filter((secret) => secret.length >= 6)
		.sort((a, b) => b.length - a.length);
	const sessionTokens = new Set(records.flatMap((record) => record.sessionTokens ?? []));
	const runs = records.filter((record) => record.visible !== undefined);
	if (secrets.length === 0) return { leaks: [], runs: runs.length, secrets: 0 };
	const pattern = new RegExp(secrets.map(escape).join('|'), 'g');
	const leaks: Leak[] = [];
	for (const record of runs) {
		const allowed = allowedIn(record, sessionTokens);
		const found = new Map<string, string>();
		for (const { text, path } of strings(record.visible, [])) {
			if (allowed(text, path)) continue;
			for (const secret of text.match(pattern) ?? []) {
				if (!found.has(secret)) found.set(secret, pathText(path));
			}
		}
		for (const [secret, where] of found) {
			leaks.push({ file: record.file, test: record.test, where, secret: mask(secret) });
		}
	}
	return { leaks, runs: runs.length, secrets: secrets.length };
}

export function describeLeaks(leaks: Leak[]): string {
	return leaks
		.slice(0, 50)
		.map(
			(leak) =>
				`  - ${leak.secret} in ${leak.where}\n    test: ${leak.test}\n    log file: ${leak.file}`,
		)
		.join('\n');
}
