#!/usr/bin/env node
/**
 * npm run e2e — the package in a real n8n 2.40.7 (Node 24), against the Squadus sandbox:
 *   1. provisions Node 24 and n8n into .cache/ (once), builds, packs and installs the package
 *      where n8n installs community packages;
 *   2. imports the sandbox credentials and the example workflows with n8n's CLI, runs each with
 *      `n8n execute`, and checks what the sandbox received;
 *   3. runs n8n's own HTTP Request node with the Squadus credential types;
 *   4. starts `n8n start`, checks that every node and credential loaded without errors or
 *      warnings, and opens the editor in headless Chromium (editor-check.js).
 * Prints PASS/FAIL per check and the total time; exits 1 on any failure.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const rt = require('../../scripts/runtime');
const { editorCheck, allNodesWorkflow } = require('./editor-check');
const { realtimeWorkflow, realtimeCheck, REALTIME_WORKFLOW_ID } = require('./realtime');
const { checkAgent, ASSISTANT_ID } = require('./agent');
const { checkMcp, mcpWorkflow, MCP_WORKFLOW_ID } = require('./mcp');
const { startModelServer, standInCredential } = require('../ai/model-server');
const { assistantScript } = require('../ai/assistant-script');

const USER_FOLDER = path.join(rt.CACHE, 'e2e');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const results = [];

async function check(name, fn) {
	const start = Date.now();
	try {
		const detail = await fn();
		results.push({ name, ok: true, detail, seconds: (Date.now() - start) / 1000 });
		rt.log(`PASS  ${name}${detail ? ` — ${detail}` : ''}`);
	} catch (error) {
		results.push({ name, ok: false, detail: error.message, seconds: (Date.now() - start) / 1000 });
		rt.log(`FAIL  ${name}\n${String(error.stack ?? error.message).replace(/^/gm, '        ')}`);
	}
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/** `n8n execute --rawOutput`: the run's JSON follows n8n's start-up lines. */
function parseRun(output) {
	const match = output.match(/^\{$[\s\S]*?^\}$/m);
	assert(match, `n8n printed no run data:\n${output.slice(-2000)}`);
	return JSON.parse(match[0]);
}

/** Executes a stored workflow; returns each node's output items (JSON) after checking the run. */
async function execute(node, workflowId) {
	const result = await rt.n8nCli(
		node,
		USER_FOLDER,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		{
			allowFailure: true,
		},
	);
	let run;
	try {
		run = parseRun(result.stdout);
	} catch (error) {
		throw new Error(`${error.message}\n${result.stderr.slice(-2000)}`);
	}
	const { resultData } = run.data;
	if (resultData.error) {
		const nodeName = resultData.error.node?.name ?? resultData.lastNodeExecuted;
		throw new Error(
			`n8n reported an error in "${nodeName}": ${resultData.error.message} ${resultData.error.description ?? ''}`,
		);
	}
	assert(run.status === 'success', `execution status ${run.status}`);
	// n8n 2.40.7 + isolated-vm can crash while exiting after a finished run; the run itself counts
	if (result.status !== 0) {
		assert(
			result.signal === 'SIGSEGV' || result.status === 139,
			`n8n exited with ${result.signal ?? result.status}`,
		);
		rt.log(
			`      (n8n exited with SIGSEGV after the run finished: isolated-vm teardown, not this package)`,
		);
	}
	const outputs = {};
	for (const [name, tasks] of Object.entries(resultData.runData)) {
		outputs[name] = (tasks.at(-1)?.data?.main?.[0] ?? []).map((item) => item.json);
	}
	return outputs;
}

function messagesIn(sandbox, rid) {
	return sandbox.state.roomMessages.get(rid) ?? [];
}

async function main() {
	const began = Date.now();
	fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	fs.mkdirSync(ARTIFACTS, { recursive: true });

	let node;
	let sandbox;
	let n8n;
	let model;
	try {
		await check(`Provision Node 24 and n8n ${rt.N8N_VERSION} in .cache/`, () => {
			node = rt.ensureNode();
			rt.ensureN8n(node);
			return `node ${rt.run(node.bin, ['--version']).stdout.trim()}`;
		});
		if (!node) return;
		let installed;
		await check('Build, pack and install the package as a community package', () => {
			installed = rt.installPackage(USER_FOLDER);
			const stray = path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-workflow');
			assert(!fs.existsSync(stray), 'a second n8n-workflow was installed next to the package');
			return `${rt.PACKAGE_NAME}@${installed.version}`;
		});
		if (!installed) return;

		const { startSandbox } = rt.loadSandbox();
		sandbox = await startSandbox({ port: 0 });
		rt.log(`Sandbox on ${sandbox.url}`);
		model = await startModelServer({ script: assistantScript });
		rt.log(`Stand-in model on ${model.url}`);
		const { fixtures } = sandbox;
		const examples = rt.readWorkflows(path.join(rt.ROOT, 'examples'));
		const e2eWorkflows = rt
			.readWorkflows(path.join(__dirname, 'workflows'))
			.map((workflow) =>
				JSON.parse(JSON.stringify(workflow).replaceAll('__SANDBOX_URL__', sandbox.url)),
			);
		const allNodes = allNodesWorkflow();
		// the relay example, polling every minute (n8n's shortest interval) instead of every 15
		const relay = examples.find((workflow) => workflow.id === 'sqdExChannelDigest');
		const fastRelay = JSON.parse(JSON.stringify(relay));
		Object.assign(fastRelay, { id: 'sqdE2eRelayFast01', name: `${relay.name} (every minute)` });
		fastRelay.nodes.find((n) => n.type.endsWith('.squadusTrigger')).parameters.pollTimes = {
			item: [{ mode: 'everyMinute' }],
		};
		fs.writeFileSync(path.join(ARTIFACTS, 'all-nodes.json'), JSON.stringify(allNodes, null, 2));
		const mcpServer = mcpWorkflow(examples.find((workflow) => workflow.id === ASSISTANT_ID));

		await check('Import the credentials and workflows with the n8n CLI', async () => {
			await rt.importIntoN8n(node, USER_FOLDER, {
				credentials: [...rt.sandboxCredentials(sandbox), standInCredential(model)],
				workflows: [...examples, ...e2eWorkflows, fastRelay, allNodes, mcpServer, realtimeWorkflow()],
			});
			await rt.n8nCli(node, USER_FOLDER, ['publish:workflow', `--id=${fastRelay.id}`]);
			await rt.n8nCli(node, USER_FOLDER, ['publish:workflow', `--id=${MCP_WORKFLOW_ID}`]);
			await rt.n8nCli(node, USER_FOLDER, ['publish:workflow', `--id=${REALTIME_WORKFLOW_ID}`]);
			return `${examples.length} examples, ${e2eWorkflows.length + 4} test workflows, relay, MCP server and realtime published`;
		});

		await check('Example "onboard a new hire" runs twice, onboarding a fresh user each time', async () => {
			const onboarded = () =>
				[...sandbox.state.users.values()].filter((u) => u.username.startsWith('olga.novikova.'));
			await execute(node, 'sqdExOnboarding1');
			const out = await execute(node, 'sqdExOnboarding1');
			const users = onboarded();
			assert(users.length === 2, `users created by two runs: ${users.map((u) => u.username)}`);
			const user = users.find((u) => u.username === out['Create user']?.[0]?.username);
			assert(user, 'the second run did not create its own user');
			const channel = sandbox.state.roomByName(`onboarding-${user.username}`);
			assert(channel, `the channel onboarding-${user.username} was not created`);
			const members = sandbox.state.members(channel._id).map((s) => s.u.username);
			assert(
				members.includes(user.username) && members.includes('ivan.petrov'),
				`channel members: ${members}`,
			);
			const dm = sandbox.state.directRoom([fixtures.admin._id, user._id]);
			assert(dm, `no direct message between admin and ${user.username}`);
			const welcome = messagesIn(sandbox, dm._id).find((m) =>
				m.msg.startsWith('Welcome to the team, Olga Novikova!'),
			);
			assert(welcome, 'no welcome message in the direct message');
			assert(
				out['Send welcome']?.[0]?._id === welcome._id,
				'the Send welcome output is not the posted message',
			);
			return `user ${user._id}, #${channel.name}, welcome message ${welcome._id}`;
		});

		await check(
			'Example "calendar event → conference" books, invites and posts the link',
			async () => {
				const out = await execute(node, 'sqdExCalendar001');
				const conference = [...sandbox.state.conferences.values()].find(
					(c) => c.name === 'Quarterly planning',
				);
				assert(conference, 'no conference "Quarterly planning"');
				assert(
					conference.rid === fixtures.channels.general._id,
					'the conference is not in #general',
				);
				const event = out['Calendar event'][0];
				assert(
					conference.plannedStartTime === Date.parse(event.start.dateTime),
					'planned start ≠ the event start',
				);
				assert(
					conference.plannedEndTime === Date.parse(event.end.dateTime),
					'planned end ≠ the event end',
				);
				const invited = sandbox.state.invitations
					.filter((i) => i.conferenceId === conference._id)
					.map((i) => sandbox.state.userById(i.userId)?.username);
				assert(
					invited.includes('ivan.petrov') && invited.includes('anna.smirnova'),
					`invited: ${invited}`,
				);
				const link = out['Create conference'][0].serviceUrl;
				assert(link, 'the created conference has no serviceUrl');
				const post = messagesIn(sandbox, fixtures.channels.general._id).find((m) =>
					m.msg.includes(link),
				);
				assert(post, 'no message with the conference link in #general');
				return `conference ${conference.number}, ${invited.length} invited, link posted`;
			},
		);

		await check('AI Agent: the assistant example books and posts through the Squadus tools', () =>
			checkAgent({ execute: (id) => execute(node, id), sandbox, model }),
		);

		await check(
			'n8n HTTP Request node authenticates with both Squadus credential types',
			async () => {
				sandbox.clearRequests();
				const out = await execute(node, 'sqdE2eHttpRequest');
				for (const name of ['Me (password)', 'Me (token)']) {
					assert(
						out[name]?.[0]?.username === fixtures.admin.username,
						`${name} did not return the admin`,
					);
				}
				const me = sandbox.requests({ path: '/api/v1/me' });
				assert(
					me.length === 2 && me.every((r) => r.status === 200),
					`GET /me: ${me.map((r) => r.status)}`,
				);
				assert(
					me.every((r) => r.headers['x-user-id'] === fixtures.admin._id),
					'X-User-Id missing',
				);
				const [session, token] = me.map((r) => r.headers['x-auth-token']);
				assert(
					token === fixtures.admin.personalAccessToken,
					'the token credential did not send its token',
				);
				assert(
					session && sandbox.state.sessions.has(session),
					'the password credential did not send a session token',
				);
				return 'session token (password login) and personal access token both accepted';
			},
		);

		// The editor: n8n start, the clean-load checks, then headless Chromium.
		const logFile = path.join(ARTIFACTS, 'n8n-start.log');
		await check('n8n start serves the editor', async () => {
			n8n = await rt.startN8n(node, USER_FOLDER, {
				port: await freePort(5678),
				logFile,
				env: { N8N_LOG_LEVEL: 'debug' },
			});
			return n8n.url;
		});
		if (n8n) {
			await check('n8n loaded every node and credential of the package', () => cleanLoad(logFile));
			await check('Published realtime trigger: 20 messages → 20 executions, each within 1 s', () =>
				realtimeCheck(sandbox),
			);
			let relayRun;
			await check(
				'Published relay: the activation poll records #dev and emits nothing',
				async () => {
					relayRun = await startRelay(sandbox);
					return relayRun.detail;
				},
			);
			await check('MCP Server Trigger: a real MCP client lists and calls the Squadus tools', () =>
				checkMcp({ n8nUrl: n8n.url, sandbox }),
			);
			await check(
				'Editor shows every Squadus node without errors (screenshots in test/e2e/artifacts)',
				() => editorCheck({ url: n8n.url, workflowId: allNodes.id, artifacts: ARTIFACTS }),
			);
			if (relayRun) {
				await check(
					'Published relay: new #dev messages land in exactly one digest in #general',
					() => finishRelay(sandbox, relayRun),
				);
			}
		}
	} finally {
		if (n8n) await rt.stopProcess(n8n.child, n8n.exited);
		if (sandbox) await sandbox.close();
		if (model) await model.close();
		const failed = results.filter((r) => !r.ok);
		const total = ((Date.now() - began) / 1000).toFixed(0);
		console.log('\nEnd-to-end summary');
		for (const r of results)
			console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(0)} s)`);
		console.log(
			`\n${failed.length || !results.length ? 'FAIL' : 'PASS'}: ${results.length - failed.length}/${results.length} checks in ${total} s`,
		);
		process.exitCode = failed.length || !results.length ? 1 : 0;
	}
}

async function freePort(preferred) {
	for (let port = preferred; port < preferred + 50; port++)
		if (await rt.portFree(port)) return port;
	throw new Error('no free port for n8n');
}

async function waitFor(what, test, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = test();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

const devPolls = (sandbox) =>
	// the trigger watches #dev by name: it looks the ID up, as channels.messages takes only roomId
	sandbox
		.requests({ path: '/api/v1/channels.messages' })
		.filter((r) => r.query.roomId === sandbox.fixtures.channels.dev._id).length;
const digestsIn = (sandbox) =>
	messagesIn(sandbox, sandbox.fixtures.channels.general._id).filter((m) =>
		m.msg.startsWith('*Digest of #dev*'),
	);
const RELAY_TEXTS = ['Deploy of 1.8.0 started', 'Migrations done', 'Deploy finished, all green'];
const RELAY_FILE = 'deploy-1.8.0.log';

/** The published relay polls #dev once on activation (emits nothing), then every minute. */
async function startRelay(sandbox) {
	await waitFor('the activation poll of #dev', () => devPolls(sandbox) >= 1, 90_000);
	const digests = digestsIn(sandbox).length;
	assert(digests === 0, 'the activation poll replayed #dev into a digest');
	const { dev } = sandbox.fixtures.channels;
	const ids = sandbox.addMessages(dev._id, RELAY_TEXTS.length + 1, {
		userId: sandbox.fixtures.user._id,
		text: (i) => RELAY_TEXTS[i] ?? '',
	});
	// the last one carries only a file, as an upload without a caption does
	Object.assign(sandbox.state.messages.get(ids.at(-1)), {
		msg: '',
		attachments: [{ title: RELAY_FILE, type: 'file' }],
	});
	return {
		polls: devPolls(sandbox),
		detail: `${devPolls(sandbox)} poll(s), no digest; 4 messages posted to #dev, one with only a file`,
	};
}

async function finishRelay(sandbox, { polls }) {
	const digest = await waitFor('the digest in #general', () => digestsIn(sandbox)[0], 90_000);
	assert(digest.msg.startsWith('*Digest of #dev* (4 new)'), `digest: ${digest.msg}`);
	assert(
		RELAY_TEXTS.every((text) => digest.msg.includes(`ivan.petrov: ${text}`)),
		`digest: ${digest.msg}`,
	);
	assert(digest.msg.includes(`ivan.petrov: 📎 ${RELAY_FILE}`), `digest: ${digest.msg}`);
	const afterDigest = devPolls(sandbox);
	await waitFor('one more poll', () => devPolls(sandbox) > afterDigest, 90_000);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	assert(
		digestsIn(sandbox).length === 1,
		`${digestsIn(sandbox).length} digests for one batch of messages`,
	);
	return `digest ${digest._id} after ${afterDigest - polls + 1} poll(s); the next poll emitted nothing`;
}

/** Our nodes and credentials are among n8n's types, and the log has no error or warning about them. */
async function cleanLoad(logFile) {
	const pkg = require(path.join(rt.ROOT, 'package.json'));
	const types = path.join(USER_FOLDER, '.cache', 'n8n', 'public', 'types');
	const nodes = JSON.parse(fs.readFileSync(path.join(types, 'nodes.json'), 'utf8'));
	const credentials = JSON.parse(fs.readFileSync(path.join(types, 'credentials.json'), 'utf8'));
	// usableAsTool nodes also appear as <name>Tool for AI agents
	const ours = nodes
		.map((n) => n.name)
		.filter((name) => name.startsWith(`${rt.PACKAGE_NAME}.`) && !name.endsWith('Tool'));
	assert(
		ours.length === pkg.n8n.nodes.length,
		`n8n lists ${ours.length} of our ${pkg.n8n.nodes.length} nodes: ${ours}`,
	);
	const credentialNames = credentials.map((c) => c.name);
	for (const name of ['squadusApi', 'squadusTokenApi', 'squadusOAuth2Api']) {
		assert(credentialNames.includes(name), `credential type ${name} is not loaded`);
	}
	const log = fs.readFileSync(logFile, 'utf8');
	const suspicious = log
		.split('\n')
		.filter((line) => /squadus/i.test(line) && /error|warn|fail|skip|unknown|deprecat/i.test(line))
		.concat(
			log
				.split('\n')
				.filter(
					(line) =>
						/Failed to load package|Skipping package|Can't enable lazy/i.test(line) &&
						/squadus/i.test(line),
				),
		);
	assert(
		suspicious.length === 0,
		`n8n's log mentions the package with problems:\n${suspicious.join('\n')}`,
	);
	assert(/squadus/i.test(log), 'the debug log never mentions the package (was it scanned?)');
	return `${ours.length} nodes, 3 credential types, no error or warning in the debug log`;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
