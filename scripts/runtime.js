/**
 * What `npm start` and the end-to-end test share: a real n8n (Node 24 + n8n 2.40.7, provisioned
 * once into .cache/), this package built, packed and installed where n8n installs community
 * packages, the Squadus sandbox, and the n8n CLI calls that import credentials and workflows.
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.cache');
const N8N_VERSION = '2.40.7';
const NODE_MAJOR = 24;
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;
const NODE_DIR = path.join(CACHE, `node${NODE_MAJOR}`);
const N8N_DIR = path.join(CACHE, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
/** Fixed, so the credentials imported into a user folder stay readable across runs. */
const ENCRYPTION_KEY = 'squadus-local-demo-key';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
function log(message) {
	process.stdout.write(`[${elapsed()}] ${message}\n`);
}

/** Runs a command; throws with its output when it fails. */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, {
		cwd: options.cwd ?? ROOT,
		env: options.env ?? process.env,
		encoding: 'utf8',
		stdio: options.inherit ? 'inherit' : 'pipe',
		maxBuffer: 256 * 1024 * 1024,
	});
	if (result.error) throw result.error;
	if (result.status !== 0 && !options.allowFailure) {
		const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40);
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${result.status})\n${output.join('\n')}`,
		);
	}
	return result;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function majorOf(version) {
	return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/**
 * A Node >= 24 binary: this one if new enough, else Node 24 from the npm registry
 * (the `node-<platform>-<arch>` package), installed once into .cache/node24.
 */
function ensureNode() {
	if (majorOf(process.version) >= NODE_MAJOR) return { bin: process.execPath, headers: undefined };
	const pkg = `node-${process.platform}-${process.arch}`;
	const home = path.join(NODE_DIR, 'node_modules', pkg);
	const bin = path.join(home, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
	const works = () =>
		fs.existsSync(bin) &&
		majorOf(run(bin, ['--version'], { allowFailure: true }).stdout ?? '') === NODE_MAJOR;
	if (!works()) {
		log(`Installing Node ${NODE_MAJOR} from the npm registry (${pkg}) into .cache/…`);
		fs.mkdirSync(NODE_DIR, { recursive: true });
		run(npm, [
			'install',
			'--prefix',
			NODE_DIR,
			`${pkg}@${NODE_MAJOR}`,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
		]);
		if (!works()) throw new Error(`Node ${NODE_MAJOR} did not install at ${bin}`);
	}
	return { bin, headers: home };
}

/** The environment for npm and n8n with Node 24 first on PATH (and its headers for native builds). */
function nodeEnv(node, extra = {}) {
	const env = {
		...process.env,
		PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH}`,
	};
	if (node.headers) env.npm_config_nodedir = node.headers;
	delete env.npm_config_ignore_scripts;
	return { ...env, ...extra };
}

/** Is n8n N8N_VERSION installed in .cache/n8n, with its native modules built for this Node? */
function n8nReady(node) {
	const manifest = path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json');
	if (!fs.existsSync(manifest)) return false;
	if (JSON.parse(fs.readFileSync(manifest, 'utf8')).version !== N8N_VERSION) return false;
	const probe = run(node.bin, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: N8N_DIR,
		env: nodeEnv(node),
		allowFailure: true,
	});
	return probe.status === 0;
}

/**
 * n8n N8N_VERSION in .cache/n8n, installed from the npm registry without install scripts (the
 * Kafka client's would download sources), then sqlite3 and isolated-vm built for Node 24.
 * Skipped when the cache already holds it.
 */
function ensureN8n(node) {
	if (n8nReady(node)) return N8N_BIN;
	fs.mkdirSync(N8N_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(N8N_DIR, 'package.json'),
		`${JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2)}\n`,
	);
	const env = nodeEnv(node);
	log(`Installing n8n ${N8N_VERSION} into .cache/n8n (6–10 minutes and about 3 GB, once)…`);
	run(
		npm,
		[
			'install',
			`n8n@${N8N_VERSION}`,
			'--save-exact',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
		],
		{
			cwd: N8N_DIR,
			env,
		},
	);
	log('Building sqlite3 and isolated-vm for Node 24 (about a minute)…');
	run(npm, ['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false'], { cwd: N8N_DIR, env });
	if (!n8nReady(node)) throw new Error('n8n installed, but sqlite3 or isolated-vm does not load');
	return N8N_BIN;
}

/** Every file under a folder, recursively. */
function listFiles(dir) {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * Packs this package as npm publish would (prepack cleans and builds it) into a fresh folder
 * under .cache/; returns the tarball's path and that folder (remove it when done).
 */
function packPackage() {
	log('Packing the package (prepack cleans and builds it, as npm publish does)…');
	const packDir = fs.mkdtempSync(path.join(CACHE, 'pack-'));
	run(npm, ['pack', '--silent', '--pack-destination', packDir]);
	const tarball = path.join(packDir, fs.readdirSync(packDir).find((name) => name.endsWith('.tgz')));
	return { tarball, packDir };
}

/**
 * Installs a packed tarball as n8n installs a community package: unpacked into
 * <userFolder>/.n8n/nodes/node_modules/<name>, without its dev and peer dependencies
 * (n8n-workflow then resolves to n8n's own), and listed in nodes/package.json.
 */
function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const files = listFiles(target).map((file) => path.relative(target, file));
	const manifestPath = path.join(target, 'package.json');
	// eslint-disable-next-line no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	const nodesManifest = path.join(nodesDir, 'package.json');
	const existing = fs.existsSync(nodesManifest)
		? JSON.parse(fs.readFileSync(nodesManifest, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	existing.dependencies = { ...existing.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(existing, null, 2));
	return { version: manifest.version, target, files };
}

/** Packs and installs the package into one user folder (see installTarball). */
function installPackage(userFolder) {
	const { tarball, packDir } = packPackage();
	const installed = installTarball(tarball, userFolder);
	fs.rmSync(packDir, { recursive: true, force: true });
	log(
		`Installed ${PACKAGE_NAME}@${installed.version} (${installed.files.length} files) into ${path.relative(ROOT, installed.target)}`,
	);
	return installed;
}

/** The environment n8n runs with: its own user folder, no telemetry, no banners. */
let brokerPort;
/**
 * A port the OS has just handed out, for n8n's task broker: it listens on 5679 by default,
 * which another n8n on the same machine may hold ("Task Broker's port 5679 is already in use").
 */
function freeBrokerPort() {
	brokerPort ??= run(process.execPath, [
		'-e',
		"const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })",
	]).stdout.trim();
	return brokerPort;
}

function n8nEnv(node, userFolder, extra = {}) {
	return nodeEnv(node, {
		N8N_RUNNERS_BROKER_PORT: freeBrokerPort(),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		...extra,
	});
}

/** Runs a command without blocking this process (the sandbox may be serving in it). */
function runAsync(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd ?? ROOT,
			env: options.env ?? process.env,
		});
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		child.on('error', reject);
		child.on('close', (status, signal) => {
			const result = {
				status,
				signal,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			};
			if (status !== 0 && !options.allowFailure) {
				const output = `${result.stdout}\n${result.stderr}`
					.trim()
					.split('\n')
					.slice(-40)
					.join('\n');
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (${signal ?? `exit ${status}`})\n${output}`,
					),
				);
			} else resolve(result);
		});
	});
}

/** One n8n CLI command (import:credentials, import:workflow, execute…); resolves with its output. */
function n8nCli(node, userFolder, args, options = {}) {
	return runAsync(node.bin, [N8N_BIN, ...args], {
		env: n8nEnv(node, userFolder, options.env),
		allowFailure: options.allowFailure,
	});
}

/**
 * Starts an n8n process in the background: `n8n start` (default), `n8n webhook` or
 * `n8n worker`. Resolves once it answers on `port`: the HTTP port of start and webhook, the
 * health-check port of a worker.
 */
async function startN8n(
	node,
	userFolder,
	{ port = 5678, env = {}, logFile, inherit = false, command = 'start', args = [] } = {},
) {
	const out = logFile ? fs.openSync(logFile, 'w') : 'ignore';
	const portEnv =
		command === 'worker'
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port) }
			: { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' };
	const child = spawn(node.bin, [N8N_BIN, command, ...args], {
		env: n8nEnv(node, userFolder, { ...portEnv, ...env }),
		stdio: inherit ? 'inherit' : ['ignore', out, out],
	});
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n ${command} exited early (code ${child.exitCode})`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			if (response.ok) return { child, exited, url: `http://localhost:${port}` };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill('SIGTERM');
	throw new Error(`n8n ${command} did not answer on port ${port} within 3 minutes`);
}

async function stopProcess(child, exited) {
	if (child.exitCode !== null) return;
	child.kill('SIGTERM');
	const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000));
	if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** The first free port from `preferred` on. */
async function freePort(preferred) {
	for (let port = preferred; port < preferred + 200; port++) if (await portFree(port)) return port;
	throw new Error(`no free port from ${preferred}`);
}

/** The Squadus sandbox (TypeScript) in this process, through ts-node. */
function loadSandbox() {
	require('ts-node').register({
		transpileOnly: true,
		project: path.join(ROOT, 'tsconfig.json'),
	});
	return require(path.join(ROOT, 'test', 'sandbox'));
}

/** n8n credentials for the sandbox's admin: password login and personal access token. */
function sandboxCredentials(sandbox) {
	const { admin } = sandbox.fixtures;
	return [
		{
			id: 'sqdSandboxAdmin1',
			name: 'Squadus sandbox (admin)',
			type: 'squadusApi',
			data: {
				server: sandbox.url,
				user: admin.username,
				password: admin.password,
				secondFactor: 'none',
			},
		},
		{
			id: 'sqdSandboxToken1',
			name: 'Squadus sandbox (admin token)',
			type: 'squadusTokenApi',
			data: { server: sandbox.url, userId: admin._id, accessToken: admin.personalAccessToken },
		},
	];
}

/** Imports credentials (decrypted data: n8n encrypts it) and workflows into a user folder. */
async function importIntoN8n(node, userFolder, { credentials, workflows, env }) {
	const work = path.join(userFolder, 'import');
	fs.rmSync(work, { recursive: true, force: true });
	fs.mkdirSync(path.join(work, 'workflows'), { recursive: true });
	const credentialsFile = path.join(work, 'credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	if (credentials.length) {
		log(`Importing ${credentials.length} credentials…`);
		try {
			await n8nCli(node, userFolder, ['import:credentials', `--input=${credentialsFile}`], { env });
		} finally {
			fs.rmSync(credentialsFile, { force: true });
		}
	}
	workflows.forEach((workflow, i) => {
		const file = path.join(work, 'workflows', `${String(i).padStart(2, '0')}-${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
	});
	log(`Importing ${workflows.length} workflows…`);
	await n8nCli(
		node,
		userFolder,
		['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`],
		{ env },
	);
}

/** The workflows in a folder (examples/, test/e2e/workflows/), parsed. */
function readWorkflows(dir) {
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
}

module.exports = {
	ROOT,
	CACHE,
	N8N_VERSION,
	PACKAGE_NAME,
	log,
	run,
	elapsed,
	ensureNode,
	ensureN8n,
	installPackage,
	packPackage,
	installTarball,
	n8nEnv,
	n8nCli,
	startN8n,
	stopProcess,
	portFree,
	freePort,
	loadSandbox,
	sandboxCredentials,
	importIntoN8n,
	readWorkflows,
	runAsync,
};
