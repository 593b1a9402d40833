/**
 * Loads Rocket.Chat's own request validators (the ajv functions published in
 * `@rocket.chat/rest-typings`, a devDependency pinned to the 6.x line that Squadus 1.7 matches).
 *
 * The package ships ES modules with extensionless relative imports in a package without
 * `"type": "module"`, which neither plain Node 20/24 nor jest's CommonJS runtime can load as is.
 * Rather than one hook per runtime (jest transform, `module.register` for ts-node), each file is
 * turned into CommonJS here with TypeScript's own transpiler and compiled as a module: the same
 * synchronous path under jest, `npm run sandbox` (ts-node), `npm start`, the e2e runner and the
 * benches, on Node 20 and Node 24. Bare imports (`ajv`, `ajv-formats`) resolve from the file's
 * own folder, so the package's nested ajv 8 is the one used. Only the files named below are
 * loaded; the package index (which pulls in the whole Rocket.Chat type tree) never is.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import Module, { createRequire } from 'module';
import { tmpdir } from 'os';
import * as path from 'path';

export interface AjvError {
	message?: string;
	instancePath?: string;
}

/** An ajv ValidateFunction as rest-typings exports it. */
export type RocketChatValidator = ((data: unknown) => boolean) & {
	errors?: AjvError[] | null;
};

const PACKAGE = '@rocket.chat/rest-typings';
const cache = new Map<string, Record<string, unknown>>();

function packageDist(): string {
	return path.join(path.dirname(require.resolve(`${PACKAGE}/package.json`)), 'dist');
}

/**
 * The CommonJS text of one package file. Transpiled once per machine and package version and
 * kept in the temp folder: every jest test file has its own module registry, and loading
 * TypeScript in each would cost more than the tests.
 */
function commonJs(file: string): string {
	const relative = path.relative(packageDist(), file);
	const cacheFile = path.join(
		tmpdir(),
		`squadus-rest-typings-${restTypingsVersion()}`,
		relative.replace(/[\\/]/g, '__'),
	);
	try {
		return readFileSync(cacheFile, 'utf8');
	} catch {
		// not transpiled yet
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- only on a cache miss
	const ts = require('typescript') as typeof import('typescript');
	const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
		fileName: file,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2020,
			esModuleInterop: true,
			allowJs: true,
		},
	});
	mkdirSync(path.dirname(cacheFile), { recursive: true });
	const partial = `${cacheFile}.${process.pid}.tmp`;
	writeFileSync(partial, outputText);
	renameSync(partial, cacheFile);
	return outputText;
}

function loadFile(file: string): Record<string, unknown> {
	const cached = cache.get(file);
	if (cached) return cached;
	const outputText = commonJs(file);
	const mod = new Module(file);
	mod.filename = file;
	const nodeRequire = createRequire(file);
	const localRequire = (specifier: string): unknown => {
		if (specifier.startsWith('.')) {
			const target = path.resolve(path.dirname(file), specifier);
			return loadFile(target.endsWith('.js') ? target : `${target}.js`);
		}
		return nodeRequire(specifier);
	};
	cache.set(file, mod.exports as Record<string, unknown>);
	const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', outputText);
	wrapper(mod.exports, localRequire, mod, file, path.dirname(file));
	cache.set(file, mod.exports as Record<string, unknown>);
	return mod.exports as Record<string, unknown>;
}

/**
 * One validator from one file of the package, e.g.
 * `validator('v1/channels/ChannelsMessagesProps.js', 'isChannelsMessagesProps')`.
 */
export function validator(file: string, name: string): RocketChatValidator {
	const exports = loadFile(path.join(packageDist(), file));
	const fn = exports[name];
	if (typeof fn !== 'function') throw new Error(`${PACKAGE}/dist/${file} has no validator ${name}`);
	return fn as RocketChatValidator;
}

let version: string | undefined;

/** The installed version (the sandbox README and the tests name it). */
export function restTypingsVersion(): string {
	version ??= (
		JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as {
			version: string;
		}
	).version;
	return version;
}
