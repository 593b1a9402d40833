// The secret scan's recorder: every workflow run of the test suite appends what a user would
// see (outputs, errors without the node's parameters, logs), the type and operation of each of
// its nodes, and the secrets it had access to, to a per-worker file under
// SQUADUS_SECRET_SCAN_DIR (set by test/reliability/global-setup.ts).
import { appendFileSync } from 'fs';
import { join } from 'path';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import type { WorkflowRunResult } from './run-workflow';

const SECRET_KEY = /password|token|secret|apikey/i;
const MIN_SECRET_LENGTH = 6;

/** String values of credential fields that hold secrets (nested OAuth token data included). */
export function secretsOf(data: unknown, key = ''): string[] {
	if (typeof data === 'string')
		return SECRET_KEY.test(key) && data.length >= MIN_SECRET_LENGTH ? [data] : [];
	if (typeof data !== 'object' || data === null) return [];
	return Object.entries(data).flatMap(([name, value]) =>
		secretsOf(value, SECRET_KEY.test(key) && typeof value === 'string' ? key : name),
	);
}

function currentTest(): string {
	const state = (
		globalThis as { expect?: { getState(): { testPath?: string; currentTestName?: string } } }
	).expect?.getState();
	return `${state?.testPath ?? 'unknown file'} › ${state?.currentTestName ?? '(outside a test)'}`;
}

function write(record: object) {
	const dir = process.env.SQUADUS_SECRET_SCAN_DIR;
	if (!dir) return;
	const file = join(dir, `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.jsonl`);
	const seen = new WeakSet<object>();
	appendFileSync(
		file,
		`${JSON.stringify(record, (_key, value: unknown) => {
			if (typeof value !== 'object' || value === null) return value;
			if (seen.has(value)) return undefined;
			seen.add(value);
			return value;
		})}\n`,
	);
}

/** What the scan needs to know of a node: its type and, for action nodes, its operation. */
export interface RecordedNode {
	type: string;
	operation?: string;
}

/** The run's nodes by name; without the workflow, at least its trigger (which n8n-core notes). */
function nodesOf(result: WorkflowRunResult, nodes?: INode[]): Record<string, RecordedNode> {
	if (nodes) {
		return Object.fromEntries(
			nodes.map((node) => {
				const operation = node.parameters?.operation;
				return [
					node.name,
					{ type: node.type, ...(typeof operation === 'string' ? { operation } : {}) },
				];
			}),
		);
	}
	const trigger = result.run.data.executionData?.runtimeData?.triggerNode;
	return trigger ? { [trigger.name]: { type: trigger.type } } : {};
}

/** Records one workflow run (no-op outside the test suite). */
export function recordRun(
	result: WorkflowRunResult,
	credentials: ICredentialDataDecryptedObject[],
	nodes?: INode[],
) {
	if (!process.env.SQUADUS_SECRET_SCAN_DIR) return;
	// An error as the user sees it and as n8n saves it in the execution: its own fields
	// (errorResponse, the copied server body, and context included), and its toJSON().
	const strip = (error: unknown) => {
		if (!error || typeof error !== 'object') return error;
		const { node: _node, ...rest } = error as Record<string, unknown>;
		const saved = (error as { toJSON?: () => unknown }).toJSON?.();
		return {
			...rest,
			errorResponse: (error as { errorResponse?: unknown }).errorResponse,
			message: (error as Error).message,
			stack: (error as Error).stack,
			saved,
		};
	};
	write({
		test: currentTest(),
		visible: {
			outputs: result.allOutputs,
			errors: Object.fromEntries(
				Object.entries(result.errors).map(([name, error]) => [name, strip(error)]),
			),
			error: strip(result.error),
			logs: result.logs,
		},
		nodes: nodesOf(result, nodes),
		secrets: credentials.flatMap((data) => secretsOf(data)),
	});
}

/**
 * Records secrets known outside a run (e.g. every secret a sandbox held), and which of them are
 * session tokens (the only secret a Log In operation may output).
 */
export function recordSecrets(secrets: string[], sessionTokens: string[] = []) {
	const long = (list: string[]) => list.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
	write({ test: currentTest(), secrets: long(secrets), sessionTokens: long(sessionTokens) });
}
