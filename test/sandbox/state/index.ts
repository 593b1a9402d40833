/**
 * The sandbox's in-memory database (`sandbox.state`): one object with every table and operation,
 * built in layers by concern, each extending the one before:
 * tables.ts (the tables) -> users.ts -> rooms.ts -> messages.ts (and files) -> conferences.ts
 * -> SandboxState here (the admin changelog and internal errors). The records are in records.ts.
 */
import { randomId } from '../util';
import { ConferencesState } from './conferences';

export type * from './records';
export { fileUrl } from './messages';

export class SandboxState extends ConferencesState {
	logChange(username: string, setting: string, value: unknown): void {
		this.changelog.push({
			_id: randomId(),
			username,
			setting,
			value: typeof value === 'string' ? value : JSON.stringify(value),
			date: Date.now(),
		});
	}

	recordInternalError(method: string, path: string, error: unknown): void {
		const err = error instanceof Error ? error : new Error(String(error));
		this.internalErrors.push({
			time: Date.now(),
			method,
			path,
			message: err.message,
			stack: err.stack,
		});
		if (this.internalErrors.length > 1000) this.internalErrors.shift();
	}
}
