/**
 * What n8n's queue mode needs besides n8n: PostgreSQL and Redis from Debian's packages, each a
 * private child process of the test, in a temp folder, on a free port.
 */
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const rt = require('../../scripts/runtime');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function which(binary) {
	return rt.run('sh', ['-c', `command -v ${binary}`], { allowFailure: true }).stdout.trim();
}

/** The directory of PostgreSQL's server binaries (initdb, postgres), or '' if not installed. */
function postgresBinDir() {
	if (which('pg_config')) {
		const dir = rt.run('pg_config', ['--bindir'], { allowFailure: true }).stdout.trim();
		if (dir && fs.existsSync(path.join(dir, 'initdb'))) return dir;
	}
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return '';
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : '';
}

/** Installs Debian's postgresql and redis-server when missing (apt-get, as root). */
function ensureServices() {
	const missing = [];
	if (!postgresBinDir() || !which('psql')) missing.push('postgresql');
	if (!which('redis-server')) missing.push('redis-server');
	if (missing.length) {
		if (!isRoot) {
			throw new Error(`${missing.join(' and ')} missing: run apt-get install ${missing.join(' ')}`);
		}
		rt.log(`Installing ${missing.join(', ')} with apt-get…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		rt.run('apt-get', ['update', '-qq'], { env });
		rt.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
	}
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL server binaries not found after installing postgresql');
	return { postgresBin: bin, redisServer: which('redis-server'), psql: which('psql') };
}

/** A child process; resolves `exited` when it ends. Output goes to `logFile`. */
function startChild(command, args, { logFile, env } = {}) {
	const out = fs.openSync(logFile, 'w');
	const child = spawn(command, args, { stdio: ['ignore', out, out], env: env ?? process.env });
	const exited = new Promise((resolve) => child.on('exit', resolve));
	return { child, exited };
}

async function waitUntil(what, test, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await test()) return;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/**
 * A private PostgreSQL cluster in `dir` on `port`, trust authentication on 127.0.0.1, with
 * the database `database`. PostgreSQL refuses to run as root: as root, the cluster runs as
 * the `postgres` user Debian's package creates (runuser), and owns the folder.
 */
async function startPostgres({ bin, psql, dir, port, database, logFile }) {
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	const data = path.join(dir, 'data');
	const asUser = (command, args) =>
		isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	if (isRoot) {
		// the cluster's user must reach the folder: every parent needs search permission
		for (let d = path.dirname(dir); d.startsWith(`${os.tmpdir()}/`); d = path.dirname(d)) {
			fs.chmodSync(d, (fs.statSync(d).mode & 0o7777) | 0o711);
		}
		rt.run('chown', ['-R', 'postgres:postgres', dir]);
	}
	const [initCmd, initArgs] = asUser(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync',
	]);
	rt.run(initCmd, initArgs);
	const [cmd, args] = asUser(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	const server = startChild(cmd, args, { logFile });
	const query = (sql) =>
		rt.run(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-AtX', '-c', sql], {
			allowFailure: true,
		});
	await waitUntil('PostgreSQL', () => {
		if (server.child.exitCode !== null) throw new Error(`postgres exited: see ${logFile}`);
		return query('select 1').status === 0;
	});
	const created = query(`create database ${database}`);
	if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`);
	return {
		...server,
		port,
		/** Stops the cluster (pg_ctl: runuser would not pass a signal on), then its process. */
		async stop() {
			const [stopCmd, stopArgs] = asUser(path.join(bin, 'pg_ctl'), [
				'stop',
				'-D',
				data,
				'-m',
				'fast',
				'-w',
			]);
			rt.run(stopCmd, stopArgs, { allowFailure: true });
			await stopChild(server);
		},
		/** Runs SQL in `database`; returns the rows, columns split on '|'. */
		sql(text) {
			const result = rt.run(psql, [
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				database,
				'-AtX',
				'-c',
				text,
			]);
			return result.stdout
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('|'));
		},
	};
}

/** redis-server on `port`, without persistence. */
async function startRedis({ redisServer, port, logFile, dir }) {
	const server = startChild(
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ logFile },
	);
	await waitUntil('Redis', () => {
		if (server.child.exitCode !== null) throw new Error(`redis-server exited: see ${logFile}`);
		return fs.readFileSync(logFile, 'utf8').includes('Ready to accept connections');
	});
	return { ...server, port };
}

async function stopChild({ child, exited }) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000));
	if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

module.exports = { ensureServices, startPostgres, startRedis, stopChild };
