/**
 * n8n's verification scan, as n8n runs it, on this checkout and on what `npm pack` publishes.
 *
 * `@n8n/scan-community-package` only takes a registry package name on its command line, so this
 * calls its `analyzePackage` directly, with the same two legs n8n's verification uses:
 *   - source: the checkout, with the scanner's `SOURCE_FILE_PATTERNS` (package.json, nodes/, credentials/);
 *   - tarball: the unpacked `npm pack` output, compiled `.js` and the published package.json.
 * The scanner builds ESLint with `allowInlineConfig: false`, so `eslint-disable` comments count
 * for nothing here. Exits 1 on any finding.
 *
 * Usage: `npm run scan` (packs the checkout itself), or `node scripts/scan.mjs <unpacked-dir>` to
 * scan a tarball that was already unpacked (`.ci/run` does that with its clean-clone pack).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

/** Packs the checkout (prepack builds it) and unpacks the tarball into a temp folder. */
function packAndUnpack() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'squadus-scan-'));
	// prepack's build prints to stdout too, so the tarball is found in the folder, not in --json.
	execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = fs.readdirSync(dir).find((name) => name.endsWith('.tgz'));
	execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir]);
	return path.join(dir, 'package');
}

const unpacked = process.argv[2] ? path.resolve(process.argv[2]) : packAndUnpack();
const legs = [
	['source (checkout)', ROOT, SOURCE_FILE_PATTERNS],
	['tarball (npm pack)', unpacked, TARBALL_PATTERNS],
];

let failed = false;
for (const [name, dir, patterns] of legs) {
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		console.log(`n8n scanner, ${name}: passed`);
	} else {
		failed = true;
		console.log(`n8n scanner, ${name}: ${result.message ?? 'failed'}\n${result.details ?? ''}`);
	}
}
if (!process.argv[2]) fs.rmSync(path.dirname(unpacked), { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
