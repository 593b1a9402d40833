// What installing the package costs: `require` time of every node and credential of the built
// package in a fresh node process, and the size of the npm tarball.
import { execFileSync, execSync } from 'child_process';
import { join } from 'path';

import { median, type Row } from './util';

const ROOT = join(__dirname, '..');

const PROBE = `
const { join } = require('path');
const pkg = require(join(process.argv[1], 'package.json'));
const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => join(process.argv[1], file));
let t = process.hrtime.bigint();
require('n8n-workflow');
const workflowMs = Number(process.hrtime.bigint() - t) / 1e6;
t = process.hrtime.bigint();
for (const file of files) {
	const exported = require(file);
	for (const value of Object.values(exported)) if (typeof value === 'function') new value();
}
const ownMs = Number(process.hrtime.bigint() - t) / 1e6;
console.log(JSON.stringify({ workflowMs, ownMs, files: files.length }));
`;

export function packageRows(build = true): Row[] {
	if (build) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
	const samples = Array.from({ length: 7 }, () =>
		JSON.parse(execFileSync(process.execPath, ['-e', PROBE, ROOT], { encoding: 'utf8' })) as {
			workflowMs: number;
			ownMs: number;
			files: number;
		},
	);
	const [packed] = JSON.parse(
		execSync('npm pack --dry-run --json --ignore-scripts', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
	) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	const own = median(samples.map((sample) => sample.ownMs));
	return [
		{
			section: 'Package',
			case: `require + instantiate ${samples[0].files} nodes and credentials (fresh process)`,
			value: `${own.toFixed(1)} ms`,
			note: `median of 7; target < 50 ms; n8n-workflow itself (loaded by n8n anyway): ${median(samples.map((sample) => sample.workflowMs)).toFixed(0)} ms`,
		},
		{
			section: 'Package',
			case: 'npm pack tarball',
			value: `${(packed.size / 1024).toFixed(1)} kB`,
			note: `${packed.entryCount} files, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked; target < 200 kB`,
		},
	];
}
