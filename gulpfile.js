const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// Icons live in icons/ and are referenced from nodes and credentials as `file:../../icons/…`
// and `file:../icons/…`, so they are copied to dist/icons. Codex files (*.node.json) sit
// next to their node and are copied alongside the compiled JavaScript.
function copyIcons() {
	return src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	);
}

function copyCodex() {
	return src(path.resolve('nodes', '**', '*.node.json')).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyCodex));
