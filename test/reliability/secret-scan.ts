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
	secrets?: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const mask = (secret: string) => `${secret.slice(0, 3)}…(${secret.length} chars)`;

/** The path of the first string in `value` that contains `secret`. */
function locate(value: unknown, secret: string, path: string): string | undefined {
	if (typeof value === 'string') return value.includes(secret) ? path : undefined;
	if (typeof value !== 'object' || value === null) return undefined;
	for (const [key, child] of Object.entries(value)) {
		const found = locate(child, secret, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
		if (found) return found;
	}
	return undefined;
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
export function findLeaks(dir: string, extraSecrets: string[] = []): { leaks: Leak[]; runs: number; secrets: number } {
	const records = readRecords(dir);
	const secrets = [...new Set([...extraSecrets, ...records.flatMap((record) => record.secrets ?? [])])]
		.filter((secret) => secret.length >= 6)
		.sort((a, b) => b.length - a.length);
	const runs = records.filter((record) => record.visible !== undefined);
	if (secrets.length === 0) return { leaks: [], runs: runs.length, secrets: 0 };
	const pattern = new RegExp(secrets.map(escape).join('|'), 'g');
	const leaks: Leak[] = [];
	for (const record of runs) {
		const text = JSON.stringify(record.visible);
		for (const match of new Set(text.match(pattern) ?? [])) {
			// the regex matched the JSON text; find the value it sits in
			const secret = secrets.find((candidate) => candidate === match)!;
			leaks.push({
				file: record.file,
				test: record.test,
				where: locate(record.visible, secret, 'run') ?? 'run (escaped in JSON)',
				secret: mask(secret),
			});
		}
	}
	return { leaks, runs: runs.length, secrets: secrets.length };
}

export function describeLeaks(leaks: Leak[]): string {
	return leaks
		.slice(0, 50)
		.map((leak) => `  - ${leak.secret} in ${leak.where}\n    test: ${leak.test}\n    log file: ${leak.file}`)
		.join('\n');
}
