// Jest globalSetup: a folder where every worker records its runs for the secret scan.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export default function globalSetup() {
	process.env.SQUADUS_SECRET_SCAN_DIR = mkdtempSync(join(tmpdir(), 'squadus-secret-scan-'));
	// Every sandbox leaves what Rocket.Chat's validators checked (test/sandbox/index.ts).
	process.env.SQUADUS_VALIDATION_DIR = mkdtempSync(join(tmpdir(), 'squadus-validation-'));
}
