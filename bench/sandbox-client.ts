import { fork, type ChildProcess } from 'child_process';
import { join } from 'path';

import type { LoggedRequest, SandboxFixtures, SandboxOptions } from '../test/sandbox';

/** The sandbox, running in its own process; methods are forwarded over IPC. */
export interface RemoteSandbox {
	url: string;
	fixtures: SandboxFixtures;
	call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
	requests(filter?: { method?: string; path?: string }): Promise<LoggedRequest[]>;
	close(): Promise<void>;
}

export async function startRemoteSandbox(options: SandboxOptions): Promise<RemoteSandbox> {
	const child: ChildProcess = fork(join(__dirname, 'sandbox-process.ts'), [], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	let nextId = 0;
	const ready = new Promise<{ url: string; fixtures: SandboxFixtures }>((resolve, reject) => {
		child.once('error', reject);
		child.on(
			'message',
			(message: {
				ready?: boolean;
				id?: number;
				value?: unknown;
				error?: string;
				url?: string;
				fixtures?: SandboxFixtures;
			}) => {
				if (message.ready) return resolve({ url: message.url!, fixtures: message.fixtures! });
				const waiter = pending.get(message.id!);
				pending.delete(message.id!);
				if (message.error !== undefined) waiter?.reject(new Error(message.error));
				else waiter?.resolve(message.value);
			},
		);
	});
	child.send({ start: options });
	const { url, fixtures } = await ready;
	const call = <T>(method: string, ...args: unknown[]) =>
		new Promise<T>((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			child.send({ id, method, args });
		});
	return {
		url,
		fixtures,
		call,
		requests: (filter) => call<LoggedRequest[]>('requests', filter),
		close: async () => {
			await call('close').catch(() => undefined);
			child.kill();
		},
	};
}
