// Jest setup: n8n-core must not touch ~/.n8n, so every test process gets its own user folder.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'squadus-n8n-'));
process.env.N8N_ENCRYPTION_KEY ??= 'squadus-test-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';

// n8n-workflow runs the regular expressions of parameter validation (resource locator modes)
// in a vm with a 250 ms wall-clock timeout. On a loaded machine a process can be descheduled
// for longer than that, and a trivial pattern then fails with "Regular expression execution
// timed out" (seen in a full run under load: Channel → Delete). The patterns are the nodes' own,
// so the tests run them with the plain engine: same results, no race with the wall clock.
import { setSafeRegexEngine } from 'n8n-workflow';

const global = (flags?: string) => (flags?.includes('g') ? flags : `${flags ?? ''}g`);
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => Array.from(input.matchAll(new RegExp(pattern, global(flags)))),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});
