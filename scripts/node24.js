/**
 * Prints the folder of a Node >= 24 binary, to put first on PATH: this Node when it is new
 * enough, else Node 24 from the npm registry, installed once into .cache/node24 (about 5 s).
 * Development needs Node 24, as n8n 2.x does (see CONTRIBUTING.md); `.ci/run` starts with it:
 *
 *   export PATH="$(node scripts/node24.js):$PATH"
 */
'use strict';

const path = require('path');

// What the install logs goes to stderr: stdout carries only the folder.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
const { ensureNode } = require('./runtime');
const { bin } = ensureNode();
process.stdout.write = write;
process.stdout.write(`${path.dirname(bin)}\n`);
