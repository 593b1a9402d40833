#!/usr/bin/env node
/**
 * npm run e2e:queue — the package in n8n's queue mode, as companies run it at scale:
 *   PostgreSQL and Redis (Debian's packages, private processes on free ports), n8n 2.40.7 as
 *   one main (EXECUTIONS_MODE=queue), one webhook processor and two workers, each with its own
 *   user folder and the packed package installed there, and the Squadus sandbox.
 *
 *   1. 200 calls (20 at a time) to the webhook of the example "onboard new hires from a
 *      webhook", first with one worker, then with two; every session of the sandbox is expired
 *      twice during each run. Checks 200 users, channels, direct messages and welcome messages
 *      per run, no duplicate, every execution successful in Postgres, both workers busy.
 *   2. The same for the OAuth2 credential's exchanged session (a smaller webhook workflow).
 *   3. A published polling trigger (the channel relay) fires exactly once for new messages.
 * Prints the figures (executions per second, webhook-to-message latency, logins per expiry)
 * and PASS/FAIL per check; exits 1 on any failure. Stops every process it started.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const rt = require('../../scripts/runtime');
const services = require('./queue-services');

const CALLS = Number(process.env.QUEUE_CALLS ?? 200);
const CONCURRENCY = 20;
/** Expire every session when this share of the calls is sent. */
const EXPIRE_AT = [1 / 3, 2 / 3];
const OAUTH_CALLS = 60;
const WORKERS = 2;
const ARTIFACTS = path.join(__dirname, 'artifacts', 'queue');

const results = [];
const figures = [];

async function check(name, fn) {
	const start = Date.now();
	try {
		const detail = await fn();
		results.push({ name, ok: true, seconds: (Date.now() - start) / 1000 });
		rt.log(`PASS  ${name}${detail ? ` — ${detail}` : ''}`);
		return true;
	} catch (error) {
		results.push({ name, ok: false, seconds: (Date.now() - start) / 1000 });
		rt.log(`FAIL  ${name}\n${String(error.stack ?? error.message).replace(/^/gm, '        ')}`);
		return false;
	}
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, test, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await test();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(250);
	}
}

function percentile(sorted, p) {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `calls` POSTs to `url`, `CONCURRENCY` at a time; `onSent(n)` runs after the n-th answer. */
async function fire(url, bodies, onSent = () => undefined) {
	let next = 0;
	let sent = 0;
	const sentAt = new Map();
	const failures = [];
	const answers = [];
	let unavailable = 0;
	async function lane() {
		while (next < bodies.length) {
			const body = bodies[next++];
			sentAt.set(body.username ?? next, Date.now());
			// A 503 means n8n did not take the call (e.g. "Database is not ready"): call again.
			for (let attempt = 1; ; attempt++) {
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(body),
					});
					const text = await response.text();
					if (response.status === 503 && attempt < 10) {
						unavailable++;
						await sleep(1000 * attempt);
						continue;
					}
					if (!response.ok) failures.push(`${response.status} ${text.slice(0, 200)}`);
					else answers.push(text);
				} catch (error) {
					failures.push(error.message);
				}
				break;
			}
			await onSent(++sent);
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, lane));
	if (unavailable) rt.log(`      (${unavailable} calls answered 503 and were sent again)`);
	return { sentAt, failures, answers };
}

/** The n8n processes' shared settings: Postgres, Redis, queue mode. */
function queueEnv({ pgPort, redisPort }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// A 2-core machine shared with other jobs answers n8n's database ping slowly at times;
		// n8n then reports "Database is not ready" (503) for a while. Be patient instead.
		DB_PING_TIMEOUT_MS: '30000',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	};
}

function credentials(sandbox) {
	const { oauth } = sandbox.fixtures;
	return [
		...rt.sandboxCredentials(sandbox),
		{
			id: 'sqdSandboxOAuth01',
			name: 'Squadus sandbox (OAuth2, client credentials)',
			type: 'squadusOAuth2Api',
			data: {
				server: sandbox.url,
				serviceName: oauth.serviceName,
				grantType: 'clientCredentials',
				accessTokenUrl: oauth.tokenUrl,
				clientId: oauth.clientId,
				clientSecret: oauth.clientSecret,
				scope: 'openid',
				authentication: 'header',
				ignoreSslIssues: false,
			},
		},
	];
}

/** Webhook → Squadus Channel Get (#general) with the OAuth2 credential; answers with the channel. */
function oauthPingWorkflow() {
	return {
		id: 'sqdQueueOAuthPing',
		name: 'Squadus queue test: OAuth2 ping',
		active: false,
		nodes: [
			{
				parameters: {
					httpMethod: 'POST',
					path: 'squadus-oauth-ping',
					responseMode: 'lastNode',
					options: {},
				},
				id: '2b0c0d1e-0005-4a8e-9c61-000000000001',
				name: 'Ping',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '7a2e3d4c-5b6f-4071-9b8c-0d1e2f3a4b5c',
			},
			{
				parameters: {
					authentication: 'oAuth2',
					operation: 'get',
					channel: { __rl: true, mode: 'name', value: 'general' },
				},
				id: '2b0c0d1e-0005-4a8e-9c61-000000000002',
				name: 'Get #general',
				type: 'n8n-nodes-squadus.squadusChannel',
				typeVersion: 1,
				position: [220, 0],
				credentials: {
					squadusOAuth2Api: {
						id: 'sqdSandboxOAuth01',
						name: 'Squadus sandbox (OAuth2, client credentials)',
					},
				},
			},
		],
		connections: { Ping: { main: [[{ node: 'Get #general', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The relay example, polling every minute (n8n's shortest interval) instead of every 15. */
function fastRelay(examples) {
	const relay = JSON.parse(JSON.stringify(examples.find((w) => w.id === 'sqdExChannelDigest')));
	Object.assign(relay, { id: 'sqdQueueRelayFast', name: `${relay.name} (every minute)` });
	relay.nodes.find((n) => n.type.endsWith('.squadusTrigger')).parameters.pollTimes = {
		item: [{ mode: 'everyMinute' }],
	};
	return relay;
}

/** Requests to `path` the sandbox logged in [from, to). */
function requestsBetween(sandbox, apiPath, from, to = Infinity) {
	return sandbox.requests({ path: apiPath }).filter((r) => r.time >= from && r.time < to);
}

/** What `n8n worker` wrote about the executions it ran: execution ids per worker. */
function executionsPerWorker(logFiles, ids) {
	const wanted = new Set(ids.map(String));
	return logFiles.map((file) => {
		const seen = new Set();
		for (const match of fs.readFileSync(file, 'utf8').matchAll(/Worker started execution (\d+)/g)) {
			if (wanted.has(match[1])) seen.add(match[1]);
		}
		return seen.size;
	});
}

/**
 * One load run: CALLS new hires through the webhook, sessions expired at EXPIRE_AT, then the
 * sandbox and Postgres are checked. Returns the run's figures.
 */
async function onboardingRun({ label, prefix, sandbox, pg, webhookUrl, workerLogs }) {
	const { admin } = sandbox.fixtures;
	const bodies = Array.from({ length: CALLS }, (_, i) => ({
		name: `New Hire ${prefix} ${i}`,
		username: `${prefix}.${i}`,
		email: `${prefix}.${i}@squadus.test`,
		buddy: 'ivan.petrov',
	}));
	const expiries = [];
	const expireAt = new Set(EXPIRE_AT.map((share) => Math.round(CALLS * share)));
	const began = Date.now();
	const maxId = Number(pg.sql('select coalesce(max(id::bigint), 0) from execution_entity')[0][0]);
	const { sentAt, failures } = await fire(webhookUrl, bodies, (sent) => {
		if (expireAt.has(sent)) {
			sandbox.expireSessions();
			expiries.push(Date.now());
		}
	});
	assert(failures.length === 0, `${failures.length} webhook calls failed: ${failures.slice(0, 3)}`);

	const welcomeOf = (username) => {
		const user = sandbox.state.userByUsername(username);
		const dm = user && sandbox.state.directRoom([admin._id, user._id]);
		return (
			dm &&
			(sandbox.state.roomMessages.get(dm._id) ?? []).filter((m) =>
				m.msg.startsWith('Welcome to the team'),
			)
		);
	};
	const workflowId = 'sqdExWebhookOnb1';
	const executions = () =>
		pg.sql(
			`select id, status from execution_entity where "workflowId" = '${workflowId}' and id::bigint > ${maxId}`,
		);
	await waitFor(
		`${CALLS} welcome messages`,
		() => {
			const failed = executions().filter(
				([, status]) => !['success', 'running', 'new', 'waiting'].includes(status),
			);
			assert(!failed.length, `failed executions: ${failed.map((e) => e.join(' ')).join(', ')}`);
			return bodies.every((b) => welcomeOf(b.username)?.length);
		},
		30 * 60_000,
	);
	const done = Date.now();
	await waitFor(
		'every execution finished in Postgres',
		() => executions().every(([, s]) => s === 'success'),
		60_000,
	);

	// Exactly one of everything per call.
	const users = [...sandbox.state.users.values()].filter((u) =>
		u.username.startsWith(`${prefix}.`),
	);
	const channels = [...sandbox.state.rooms.values()].filter(
		(r) => r.t === 'c' && r.name?.startsWith(`onboarding-${prefix}.`),
	);
	const userIds = new Set(users.map((u) => u._id));
	const dms = [...sandbox.state.rooms.values()].filter(
		(r) => r.t === 'd' && r.uids?.includes(admin._id) && r.uids.some((id) => userIds.has(id)),
	);
	const welcomes = bodies.flatMap((b) => welcomeOf(b.username) ?? []);
	const rows = executions();
	assert(users.length === CALLS, `${users.length} users for ${CALLS} calls`);
	assert(channels.length === CALLS, `${channels.length} onboarding channels for ${CALLS} calls`);
	assert(dms.length === CALLS, `${dms.length} direct messages for ${CALLS} calls`);
	assert(welcomes.length === CALLS, `${welcomes.length} welcome messages for ${CALLS} calls`);
	assert(rows.length === CALLS, `${rows.length} executions in Postgres for ${CALLS} calls`);
	assert(
		rows.every(([, s]) => s === 'success'),
		'not every execution succeeded',
	);

	const latencies = welcomes
		.map((m) => m.ts - sentAt.get(bodies.find((b) => m.msg.includes(`${b.name}!`)).username))
		.sort((a, b) => a - b);
	const lastMessage = Math.max(...welcomes.map((m) => m.ts));
	const perWorker = executionsPerWorker(
		workerLogs,
		rows.map(([id]) => id),
	);
	const loginsPerExpiry = expiries.map(
		(at, i) => requestsBetween(sandbox, '/api/v1/login', at, expiries[i + 1] ?? done + 1).length,
	);
	const result = {
		label,
		executionsPerSecond: CALLS / ((lastMessage - began) / 1000),
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		loginsBeforeExpiry: requestsBetween(sandbox, '/api/v1/login', began, expiries[0]).length,
		loginsPerExpiry,
		perWorker,
		seconds: (done - began) / 1000,
	};
	figures.push(result);
	return result;
}

async function main() {
	const began = Date.now();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'squadus-queue-'));
	const stops = [];
	let sandbox;
	// Ctrl-C or a CI timeout: stop what was started, then exit.
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, async () => {
			rt.log(`${signal}: stopping every process started`);
			for (const stop of stops.reverse()) await stop().catch(() => undefined);
			process.exit(130);
		});
	}
	try {
		let node;
		let tools;
		const provisioned = await check(
			`Provision Node 24, n8n ${rt.N8N_VERSION}, PostgreSQL and Redis`,
			() => {
				tools = services.ensureServices();
				node = rt.ensureNode();
				rt.ensureN8n(node);
				return `node ${rt.run(node.bin, ['--version']).stdout.trim()}, postgres in ${tools.postgresBin}, ${tools.redisServer}`;
			},
		);
		if (!provisioned) return;

		// Every process is a machine of its own: its own user folder with the package installed.
		const folders = {
			main: path.join(tmp, 'main'),
			webhook: path.join(tmp, 'webhook'),
			...Object.fromEntries(
				Array.from({ length: WORKERS }, (_, i) => [
					`worker${i + 1}`,
					path.join(tmp, `worker${i + 1}`),
				]),
			),
		};
		const installed = await check(
			'Pack the package and install it on main, webhook processor and workers',
			() => {
				const { tarball, packDir } = rt.packPackage();
				const versions = Object.values(folders).map((folder) => {
					fs.mkdirSync(folder, { recursive: true });
					return rt.installTarball(tarball, folder).version;
				});
				fs.rmSync(packDir, { recursive: true, force: true });
				return `${rt.PACKAGE_NAME}@${versions[0]} in ${versions.length} user folders`;
			},
		);
		if (!installed) return;

		// Free ports, none taken twice: Postgres, Redis, and per n8n process its HTTP (or worker
		// health-check) port and its task broker's port (5679 by default in every process).
		const taken = new Set();
		const pick = async (from) => {
			let port = from;
			while (taken.has(port) || !(await rt.portFree(port))) port++;
			taken.add(port);
			return port;
		};
		const ports = { postgres: await pick(15432), redis: await pick(16379) };
		const brokerPorts = {};
		for (const name of Object.keys(folders)) {
			ports[name] = await pick(5780);
			brokerPorts[name] = await pick(5880);
		}
		let pg;
		const started = await check('Start PostgreSQL and Redis on free ports', async () => {
			pg = await services.startPostgres({
				bin: tools.postgresBin,
				psql: tools.psql,
				dir: path.join(tmp, 'postgres'),
				port: ports.postgres,
				database: 'n8n',
				logFile: path.join(ARTIFACTS, 'postgres.log'),
			});
			stops.push(() => pg.stop());
			const redis = await services.startRedis({
				redisServer: tools.redisServer,
				port: ports.redis,
				dir: tmp,
				logFile: path.join(ARTIFACTS, 'redis.log'),
			});
			stops.push(() => services.stopChild(redis));
			return `postgres :${ports.postgres}, redis :${ports.redis}`;
		});
		if (!started) return;

		const { startSandbox } = rt.loadSandbox();
		sandbox = await startSandbox({ port: 0 });
		rt.log(`Sandbox on ${sandbox.url}`);
		const env = queueEnv({ pgPort: ports.postgres, redisPort: ports.redis });
		const examples = rt.readWorkflows(path.join(rt.ROOT, 'examples'));
		const relay = fastRelay(examples);
		const onboarding = examples.find((w) => w.id === 'sqdExWebhookOnb1');
		const oauthPing = oauthPingWorkflow();

		const imported = await check(
			'Import credentials and workflows into Postgres, publish three',
			async () => {
				await rt.importIntoN8n(node, folders.main, {
					credentials: credentials(sandbox),
					workflows: [onboarding, relay, oauthPing],
					env,
				});
				for (const workflow of [onboarding, relay, oauthPing]) {
					await rt.n8nCli(node, folders.main, ['publish:workflow', `--id=${workflow.id}`], { env });
				}
				return 'webhook onboarding, OAuth2 ping, channel relay (every minute)';
			},
		);
		if (!imported) return;

		const processes = {};
		const start = async (name, command, args = []) => {
			processes[name] = await rt.startN8n(node, folders[name], {
				command,
				args,
				port: ports[name],
				env: { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPorts[name]) },
				logFile: path.join(ARTIFACTS, `${name}.log`),
			});
			stops.push(() => rt.stopProcess(processes[name].child, processes[name].exited));
		};
		const up = await check(
			'Start n8n main (queue mode), webhook processor and worker 1',
			async () => {
				await start('main', 'start');
				await Promise.all([
					start('webhook', 'webhook'),
					start('worker1', 'worker', ['--concurrency=10']),
				]);
				return `main :${ports.main}, webhook :${ports.webhook}, worker 1 health :${ports.worker1}`;
			},
		);
		if (!up) return;
		const webhookUrl = `http://127.0.0.1:${ports.webhook}/webhook/squadus-onboarding`;
		const workerLogs = (n) =>
			Array.from({ length: n }, (_, i) => path.join(ARTIFACTS, `worker${i + 1}.log`));

		// The relay's activation poll happens on main at start; its executions run on the workers.
		let relayRun;
		await check('Published relay: the activation poll records #dev and emits nothing', async () => {
			relayRun = await startRelay(sandbox);
			return relayRun.detail;
		});

		await check(`${CALLS} webhook onboardings with 1 worker, sessions expired twice`, async () => {
			const r = await onboardingRun({
				label: '1 worker',
				prefix: 'qone',
				sandbox,
				pg,
				webhookUrl,
				workerLogs: workerLogs(1),
			});
			assert(r.perWorker[0] === CALLS, `worker 1 logged ${r.perWorker[0]} of ${CALLS} executions`);
			assert(
				r.loginsPerExpiry.every((n) => n >= 1 && n <= 1),
				`logins per expiry: ${r.loginsPerExpiry}`,
			);
			return `${r.executionsPerSecond.toFixed(1)} executions/s, logins per expiry ${r.loginsPerExpiry.join(', ')}`;
		});

		const second = await check('Start worker 2', async () => {
			await start('worker2', 'worker', ['--concurrency=10']);
			return `health :${ports.worker2}`;
		});
		if (second) {
			await check(
				`${CALLS} webhook onboardings with ${WORKERS} workers, sessions expired twice`,
				async () => {
					const r = await onboardingRun({
						label: `${WORKERS} workers`,
						prefix: 'qtwo',
						sandbox,
						pg,
						webhookUrl,
						workerLogs: workerLogs(WORKERS),
					});
					assert(
						r.perWorker.reduce((a, b) => a + b, 0) === CALLS,
						`workers logged ${r.perWorker} executions for ${CALLS} calls`,
					);
					assert(
						r.perWorker.every((n) => n > 0),
						`a worker ran nothing: ${r.perWorker}`,
					);
					assert(
						r.loginsPerExpiry.every((n) => n >= 1 && n <= WORKERS),
						`logins per expiry: ${r.loginsPerExpiry}`,
					);
					return `executions per worker ${r.perWorker.join(' / ')}, logins per expiry ${r.loginsPerExpiry.join(', ')}`;
				},
			);
			await check(
				`OAuth2: ${OAUTH_CALLS} calls with ${WORKERS} workers, sessions expired once`,
				async () =>
					oauthRun({
						sandbox,
						url: `http://127.0.0.1:${ports.webhook}/webhook/squadus-oauth-ping`,
					}),
			);
		}

		if (relayRun) {
			await check('Published relay: new #dev messages land in exactly one digest in #general', () =>
				finishRelay(sandbox, relayRun, pg),
			);
		}
	} finally {
		for (const stop of stops.reverse())
			await stop().catch((error) => rt.log(`stop: ${error.message}`));
		if (sandbox) await sandbox.close();
		fs.rmSync(tmp, { recursive: true, force: true });
		printSummary(began);
	}
}

/** Exchanges of the OAuth2 token for a Squadus session: at start, and after an expiry. */
async function oauthRun({ sandbox, url }) {
	const began = Date.now();
	const bodies = Array.from({ length: OAUTH_CALLS }, (_, i) => ({ username: `ping${i}` }));
	let expired;
	const { failures, answers } = await fire(url, bodies, (sent) => {
		if (sent === OAUTH_CALLS / 2) {
			sandbox.expireSessions();
			expired = Date.now();
		}
	});
	assert(failures.length === 0, `${failures.length} calls failed: ${failures.slice(0, 3)}`);
	assert(
		answers.every((a) => JSON.parse(a).name === 'general'),
		'an answer was not #general',
	);
	const exchange = '/api/v1/method.callAnon/login';
	const atStart = requestsBetween(sandbox, exchange, began, expired).length;
	const afterExpiry = requestsBetween(sandbox, exchange, expired).length;
	const tokens = requestsBetween(sandbox, '/oauth/token', began).length;
	figures.push({
		label: 'OAuth2',
		exchangesAtStart: atStart,
		exchangesPerExpiry: afterExpiry,
		tokens,
	});
	assert(afterExpiry >= 1 && afterExpiry <= WORKERS, `${afterExpiry} exchanges after one expiry`);
	return `${atStart} exchange(s) at start, ${afterExpiry} after the expiry, ${tokens} provider token(s)`;
}

const devPolls = (sandbox) =>
	// the trigger watches #dev by name: it looks the ID up, as channels.messages takes only roomId
	sandbox
		.requests({ path: '/api/v1/channels.messages' })
		.filter((r) => r.query.roomId === sandbox.fixtures.channels.dev._id).length;
const digestsIn = (sandbox) =>
	(sandbox.state.roomMessages.get(sandbox.fixtures.channels.general._id) ?? []).filter((m) =>
		m.msg.startsWith('*Digest of #dev*'),
	);
const RELAY_TEXTS = ['Deploy of 1.8.0 started', 'Migrations done', 'Deploy finished, all green'];

async function startRelay(sandbox) {
	await waitFor('the activation poll of #dev', () => devPolls(sandbox) >= 1, 90_000);
	assert(digestsIn(sandbox).length === 0, 'the activation poll replayed #dev into a digest');
	sandbox.addMessages(sandbox.fixtures.channels.dev._id, RELAY_TEXTS.length, {
		userId: sandbox.fixtures.user._id,
		text: (i) => RELAY_TEXTS[i],
	});
	return {
		polls: devPolls(sandbox),
		detail: `${devPolls(sandbox)} poll(s), no digest; 3 messages posted to #dev`,
	};
}

async function finishRelay(sandbox, { polls }, pg) {
	const digest = await waitFor('the digest in #general', () => digestsIn(sandbox)[0], 150_000);
	assert(digest.msg.startsWith('*Digest of #dev* (3 new)'), `digest: ${digest.msg}`);
	assert(
		RELAY_TEXTS.every((text) => digest.msg.includes(`ivan.petrov: ${text}`)),
		`digest: ${digest.msg}`,
	);
	const afterDigest = devPolls(sandbox);
	await waitFor('one more poll', () => devPolls(sandbox) > afterDigest, 90_000);
	await sleep(3000);
	assert(
		digestsIn(sandbox).length === 1,
		`${digestsIn(sandbox).length} digests for one batch of messages`,
	);
	const runs = pg.sql(
		`select status, count(*) from execution_entity where "workflowId" = 'sqdQueueRelayFast' group by status`,
	);
	assert(
		runs.length === 1 && runs[0][0] === 'success' && runs[0][1] === '1',
		`relay executions: ${JSON.stringify(runs)}`,
	);
	return `one digest after ${afterDigest - polls + 1} poll(s), one successful execution on a worker; the next poll emitted nothing`;
}

function printSummary(began) {
	const failed = results.filter((r) => !r.ok);
	const total = ((Date.now() - began) / 1000).toFixed(0);
	if (figures.length) {
		console.log('\nFigures (this machine)');
		for (const f of figures) {
			if (f.label === 'OAuth2') {
				console.log(
					`  OAuth2 exchanges: ${f.exchangesAtStart} at start, ${f.exchangesPerExpiry} after one expiry (${f.tokens} provider token(s))`,
				);
				continue;
			}
			console.log(
				`  ${f.label.padEnd(10)} ${f.executionsPerSecond.toFixed(1)} executions/s (${CALLS} in ${f.seconds.toFixed(0)} s), ` +
					`webhook → welcome message p50 ${f.p50} ms, p95 ${f.p95} ms, ` +
					`logins: ${f.loginsBeforeExpiry} before the first expiry, ${f.loginsPerExpiry.join(' and ')} per expiry, ` +
					`executions per worker ${f.perWorker.join(' / ')}`,
			);
		}
		const [one, two] = figures.filter((f) => f.executionsPerSecond);
		if (one && two)
			console.log(
				`  scaling 1 → ${WORKERS} workers: × ${(two.executionsPerSecond / one.executionsPerSecond).toFixed(2)}`,
			);
	}
	console.log('\nQueue-mode summary');
	for (const r of results)
		console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(0)} s)`);
	console.log(
		`\n${failed.length || !results.length ? 'FAIL' : 'PASS'}: ${results.length - failed.length}/${results.length} checks in ${total} s`,
	);
	process.exitCode = failed.length || !results.length ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
