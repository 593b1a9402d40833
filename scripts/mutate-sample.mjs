// A sampled mutation score for a scope too slow to mutate whole on a 2-core machine.
//
//   node scripts/mutate-sample.mjs [--n 100] [--seed 1] [--scope nodes/shared/transport] [--run]
//                                  [--only request.ts,session.ts]
//
// Instruments the scope with Stryker's own instrumenter (the same 1,660 transport mutants that
// `npm run mutate:transport` makes), draws a seeded random sample stratified by file, and prints
// the `--mutate` ranges that select them (a sampled mutant that encloses others pulls those in
// too; the count is printed). With --run it starts `stryker run stryker.transport.config.mjs`
// on those ranges. The score of a random sample estimates the whole scope's score; the script
// prints the sample's 95 % interval from the report with --report reports/mutation/transport.json.
// --only draws from the named files alone: a search for untested behaviour where survivors are
// frequent, never a measurement of the scope (docs/testing.md).
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at === -1 ? fallback : args[at + 1];
};
const n = Number(flag('n', 100));
const seed = Number(flag('seed', 1));
const scope = flag('scope', 'nodes/shared/transport');
const report = flag('report', undefined);
const only = flag('only', undefined)?.split(',');

if (report) {
	const { files } = JSON.parse(fs.readFileSync(report, 'utf8'));
	const counts = {};
	for (const [file, { mutants }] of Object.entries(files)) {
		for (const m of mutants) {
			counts[m.status] = (counts[m.status] ?? 0) + 1;
			if (m.status === 'Survived' || m.status === 'NoCoverage') {
				console.log(`${m.status}\t${file}:${m.location.start.line}:${m.location.start.column}\t${m.mutatorName}\t${m.replacement ?? ''}`.slice(0, 220));
			}
		}
	}
	const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
	const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
	const total = detected + undetected;
	const p = detected / total;
	const half = 1.96 * Math.sqrt((p * (1 - p)) / total);
	console.log(JSON.stringify(counts));
	console.log(`score ${(100 * p).toFixed(1)} % of ${total} (95 % interval ${(100 * (p - half)).toFixed(1)}–${(100 * Math.min(1, p + half)).toFixed(1)} %)`);
	process.exit(0);
}

const logger = { debug() {}, info() {}, warn() {}, error() {}, isDebugEnabled: () => false };
const files = fs
	.readdirSync(scope)
	.filter((name) => name.endsWith('.ts') && (!only || only.includes(name)))
	.map((name) => path.join(scope, name))
	.map((name) => ({ name, mutate: true, content: fs.readFileSync(name, 'utf8') }));
const { mutants } = await new Instrumenter(logger).instrument(files, {
	excludedMutations: [],
	ignorers: [],
	plugins: null,
});

// mulberry32: a small seeded generator, so a sample can be drawn again
let state = seed >>> 0;
const random = () => {
	state = (state + 0x6d2b79f5) >>> 0;
	let t = state;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Mutants marked equivalent in the code (`// Stryker disable next-line …: reason`, each listed
// in docs/testing.md) are not part of the score, so they are not drawn.
const valid = mutants.filter((m) => m.status !== 'Ignored');
const byFile = new Map();
for (const m of valid) byFile.set(m.fileName, [...(byFile.get(m.fileName) ?? []), m]);
const inside = (outer, inner) => {
	const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
	return before(outer.start, inner.start) && before(inner.end, outer.end);
};
// A --mutate range selects every mutant inside it: a sampled mutant that encloses more than two
// others (a removed block or function body) would pull in dozens, so it is drawn again. Those are
// the mutants most easily killed, so leaving them out makes the estimate conservative.
const encloses = (m) =>
	mutants.filter((other) => other !== m && other.fileName === m.fileName && inside(m.location, other.location)).length;
const sample = [];
for (const [, list] of byFile) {
	const take = Math.max(1, Math.round((n * list.length) / valid.length));
	const pool = list.filter((m) => encloses(m) <= 2);
	for (let k = 0; k < take && pool.length; k++) {
		sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
	}
}
const selected = mutants.filter((m) =>
	sample.some((s) => s.fileName === m.fileName && inside(s.location, m.location)),
);
const ranges = sample.map(
	({ fileName, location: { start, end } }) =>
		`${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`,
);
console.error(`${valid.length} mutants (and ${mutants.length - valid.length} marked equivalent) in ${byFile.size} files; sample of ${sample.length} (seed ${seed}) selects ${selected.length}`);
if (!args.includes('--run')) {
	console.log(ranges.join(','));
	process.exit(0);
}
// timeouts: 30 s plus twice the covering tests' time, so a loaded machine does not pass slowness
// off as a detected mutant
const run = spawnSync('npx', ['stryker', 'run', 'stryker.transport.config.mjs', '--timeoutMS', '30000', '--timeoutFactor', '2', '--mutate', ranges.join(',')], {
	stdio: 'inherit',
});
process.exit(run.status ?? 1);
