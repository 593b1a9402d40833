// What installing the package costs: `require` time of every node and credential of the built
// package in a fresh node process (this Node, and Node 24 from .cache/ as n8n 2.40.7 runs it),
// what Node's module loader alone costs for the same module graph, and the npm tarball size.
import { execFileSync, execSync } from 'child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';

import { median, type Row } from './util';

const ROOT = join(__dirname, '..');
const NODE24 = join(
	ROOT,
	'.cache',
	'node24',
	'node_modules',
	`node-${process.platform}-${process.arch}`,
	'bin',
	'node',
);
/** Inside the repository, so `require('n8n-workflow')` resolves as it does from dist/. */
const FLOOR = join(ROOT, '.cache', 'bench-loader-floor');

const PROBE = `
const { join } = require('path');
const pkg = require(join(process.argv[1], 'package.json'));
const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => join(process.argv[1], file));
let t = process.hrtime.bigint();
require('n8n-workflow');
const workflowMs = Number(process.hrtime.bigint() - t) / 1e6;
const before = Object.keys(require.cache).length;
t = process.hrtime.bigint();
const cpu = process.cpuUsage();
for (const file of files) {
	const exported = require(file);
	for (const value of Object.values(exported)) if (typeof value === 'function' && value.prototype) new value();
}
const ownMs = Number(process.hrtime.bigint() - t) / 1e6;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
console.log(JSON.stringify({ workflowMs, ownMs, cpuMs, files: files.length, modules: Object.keys(require.cache).length - before }));
`;

interface Sample {
	workflowMs: number;
	ownMs: number;
	/** CPU time of the same span: less sensitive than wall time to other processes on the machine. */
	cpuMs: number;
	files: number;
	modules: number;
}

function probe(node: string, root: string, runs = 7): Sample[] {
	return Array.from(
		{ length: runs },
		() => JSON.parse(execFileSync(node, ['-e', PROBE, root], { encoding: 'utf8' })) as Sample,
	);
}

function jsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return jsFiles(path);
		return name.endsWith('.js') ? [path] : [];
	});
}

/**
 * The built package with every module's body replaced by its own require() calls: the same
 * module graph, resolution and file count, nothing to compile or run. What Node's loader costs
 * for this layout whatever the modules contain.
 */
function loaderFloor(): string {
	rmSync(FLOOR, { recursive: true, force: true });
	cpSync(join(ROOT, 'dist'), join(FLOOR, 'dist'), { recursive: true });
	cpSync(join(ROOT, 'package.json'), join(FLOOR, 'package.json'));
	for (const file of jsFiles(join(FLOOR, 'dist'))) {
		const requires = readFileSync(file, 'utf8').match(/require\("[^"]*"\)/g) ?? [];
		writeFileSync(file, `${requires.map((call) => `${call};`).join('\n')}\nmodule.exports = {};\n`);
	}
	return FLOOR;
}

const ms = (samples: Sample[], key: 'ownMs' | 'workflowMs' | 'cpuMs') =>
	median(samples.map((sample) => sample[key]));

export function packageRows(build = true): Row[] {
	if (build) execSync('npm run build --silent', { cwd: ROOT, stdio: 'ignore' });
	const nodes: Array<{ label: string; bin: string }> = [
		{ label: `Node ${process.version}`, bin: process.execPath },
	];
	if (existsSync(NODE24)) {
		const version = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
		if (version !== process.version)
			nodes.push({
				label: `Node ${version} (.cache/node24, what n8n 2.40.7 runs on)`,
				bin: NODE24,
			});
	}
	const floor = loaderFloor();
	const rows: Row[] = [];
	for (const { label, bin } of nodes) {
		const real = probe(bin, ROOT);
		const empty = probe(bin, floor);
		rows.push(
			{
				section: 'Package',
				case: `require + instantiate ${real[0].files} nodes and credentials, ${label}`,
				value: `${ms(real, 'ownMs').toFixed(1)} ms`,
				note: `fresh process, median of ${real.length}; target < 50 ms; CPU time ${ms(real, 'cpuMs').toFixed(1)} ms; ${real[0].modules} modules; n8n-workflow itself (loaded by n8n anyway): ${ms(real, 'workflowMs').toFixed(0)} ms`,
			},
			{
				section: 'Package',
				case: `… Node's loader alone for the same ${empty[0].modules} modules (bodies emptied), ${label}`,
				value: `${ms(empty, 'ownMs').toFixed(1)} ms`,
				note: `CPU time ${ms(empty, 'cpuMs').toFixed(1)} ms; resolve + read + wrap of each file, ${((ms(empty, 'ownMs') * 1000) / empty[0].modules).toFixed(0)} µs/module: the floor of a one-file-per-operation layout`,
			},
		);
	}
	rmSync(floor, { recursive: true, force: true });
	const [packed] = JSON.parse(
		execSync('npm pack --dry-run --json --ignore-scripts', {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	rows.push({
		section: 'Package',
		case: 'npm pack tarball',
		value: `${(packed.size / 1024).toFixed(1)} kB`,
		note: `${packed.entryCount} files, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked; target < 200 kB`,
	});
	return rows;
}
