// Checks that no secret reaches what a user sees: output items, node errors and log lines.
import type { WorkflowRunResult } from '../harness';

/**
 * What the Squadus nodes of a run show a user, as text: their output items, errors (without the
 * node's parameters) and logs. The Manual Trigger's output is left out: it is the test's own input.
 */
export function visibleText(run: WorkflowRunResult): string {
	const outputs = Object.fromEntries(
		Object.entries(run.outputs).filter(([name]) => name !== 'Manual Trigger'),
	);
	const errors = Object.values(run.errors).map((error) => ({
		message: error.message,
		description: error.description,
		context: error.context,
		cause: (error as { cause?: unknown }).cause,
	}));
	const seen = new WeakSet<object>();
	return JSON.stringify(
		{ outputs, errors, error: run.error?.message, logs: run.logs },
		(_key, value: unknown) => {
			if (typeof value !== 'object' || value === null) return value;
			if (seen.has(value)) return undefined;
			seen.add(value);
			return value;
		},
	);
}

export function expectNoSecrets(run: WorkflowRunResult, secrets: Array<string | undefined>): void {
	const text = visibleText(run);
	for (const secret of secrets) {
		if (!secret) continue;
		expect(text.includes(secret)).toBe(false);
	}
}
