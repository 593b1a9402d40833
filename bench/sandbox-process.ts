// Runs the Squadus sandbox in a child process, so the server does not share the benchmark's
// CPU core, and answers method calls sent over IPC: { id, method, args } → { id, value | error }.
import { startSandbox, type Sandbox, type SandboxOptions } from '../test/sandbox';

let sandbox: Sandbox | undefined;

process.on(
	'message',
	async (message: { id: number; method: string; args: unknown[] } | { start: SandboxOptions }) => {
		if ('start' in message) {
			sandbox = await startSandbox(message.start);
			process.send!({ ready: true, url: sandbox.url, fixtures: sandbox.fixtures });
			return;
		}
		const { id, method, args } = message;
		try {
			const target = sandbox as unknown as Record<string, (...params: unknown[]) => unknown>;
			const value = await target[method](...args);
			if (method === 'close') sandbox = undefined;
			process.send!({ id, value: value ?? null });
			if (method === 'close') process.exit(0);
		} catch (error) {
			process.send!({ id, error: (error as Error).message });
		}
	},
);
