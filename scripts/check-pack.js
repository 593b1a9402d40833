/**
 * Checks an unpacked `npm pack` the way n8n loads it: every file that package.json's `n8n`
 * section names exists, loads, and exports one node or credential class whose icons ship in
 * the package. Usage: `node scripts/check-pack.js <unpacked-dir>` (the folder must sit where
 * n8n-workflow resolves, e.g. under this checkout's .cache/). Exits 1 on any problem.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const dir = path.resolve(process.argv[2] ?? '');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const problems = [];

/** `file:` icons, light and dark, resolved against the file that declares them. */
function iconFiles(icon, from) {
	const icons = typeof icon === 'string' ? [icon] : Object.values(icon ?? {});
	return icons
		.filter((value) => String(value).startsWith('file:'))
		.map((value) => path.resolve(path.dirname(from), String(value).slice('file:'.length)));
}

function check(kind, file) {
	const full = path.join(dir, file);
	if (!fs.existsSync(full)) return problems.push(`${kind} ${file}: missing from the package`);
	let exported;
	try {
		exported = Object.values(require(full));
	} catch (error) {
		return problems.push(`${kind} ${file}: does not load (${error.message})`);
	}
	if (exported.length !== 1 || typeof exported[0] !== 'function') {
		return problems.push(`${kind} ${file}: should export exactly one class`);
	}
	const instance = new exported[0]();
	const description = kind === 'node' ? instance.description : instance;
	if (!description?.name || !description?.displayName) {
		return problems.push(`${kind} ${file}: has no name or display name`);
	}
	for (const icon of iconFiles(description.icon, full)) {
		if (!fs.existsSync(icon)) problems.push(`${kind} ${file}: icon ${path.relative(dir, icon)} missing`);
	}
	return description.displayName;
}

const nodes = (manifest.n8n?.nodes ?? []).map((file) => check('node', file));
const credentials = (manifest.n8n?.credentials ?? []).map((file) => check('credential', file));
if (problems.length) {
	console.error(`The packed package is broken:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`Packed package loads ${nodes.length} nodes and ${credentials.length} credentials: ${[...nodes, ...credentials].join(', ')}`);
