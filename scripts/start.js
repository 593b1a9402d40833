#!/usr/bin/env node
/**
 * npm start — try the package in a real n8n, with no Squadus server of your own:
 *   - the Squadus sandbox with demo data on http://127.0.0.1:3000 (SANDBOX_PORT to change);
 *   - a scripted stand-in for an OpenAI-compatible model (for the AI assistant example);
 *   - n8n 2.40.7 on http://localhost:5678 (N8N_PORT to change), with this package built and
 *     installed as a community package, an owner account, credentials for the sandbox and the
 *     example workflows already imported.
 * Node 24 and n8n are provisioned into .cache/ the first time (about 5 minutes).
 * Ctrl-C stops both. n8n keeps its data in .cache/start between runs; the sandbox starts fresh.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const rt = require('./runtime');
const { startModelServer, standInCredential } = require('../test/ai/model-server');
const { assistantScript } = require('../test/ai/assistant-script');

const USER_FOLDER = path.join(rt.CACHE, 'start');
const STATE_FILE = path.join(USER_FOLDER, 'start-state.json');
const OWNER = {
	email: 'demo@squadus.test',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo#Passw0rd',
};

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

async function firstFreePort(preferred) {
	for (let port = preferred; port < preferred + 20; port++)
		if (await rt.portFree(port)) return port;
	throw new Error(`no free port from ${preferred} to ${preferred + 19}`);
}

async function setUpOwner(url) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	// 400 once the owner exists (a later start): nothing to do
	if (!response.ok && response.status !== 400) {
		rt.log(`Could not set up the owner account (HTTP ${response.status}); n8n will ask you to.`);
	}
}

async function main() {
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	const node = rt.ensureNode();
	rt.ensureN8n(node);
	rt.installPackage(USER_FOLDER);

	const { startSandbox } = rt.loadSandbox();
	const sandbox = await startSandbox({
		port: await firstFreePort(Number(process.env.SANDBOX_PORT ?? 3000)),
		rateLimit: { limit: 10, windowMs: 60_000 },
	});
	rt.log(`Squadus sandbox on ${sandbox.url}`);
	const model = await startModelServer({
		script: assistantScript,
		port: await firstFreePort(Number(process.env.MODEL_PORT ?? 3300)),
	});
	rt.log(`Stand-in model (OpenAI-compatible) on ${model.url}`);

	// import the credentials when the sandbox address changed, the examples when they changed
	const state = readState();
	const examples = rt.readWorkflows(path.join(rt.ROOT, 'examples'));
	const examplesHash = crypto.createHash('sha256').update(JSON.stringify(examples)).digest('hex');
	const credentials =
		state.sandboxUrl === sandbox.url && state.modelUrl === model.url
			? []
			: [...rt.sandboxCredentials(sandbox), standInCredential(model)];
	const workflows = state.examplesHash === examplesHash ? [] : examples;
	if (credentials.length || workflows.length) {
		await rt.importIntoN8n(node, USER_FOLDER, { credentials, workflows });
		fs.writeFileSync(
			STATE_FILE,
			JSON.stringify({ sandboxUrl: sandbox.url, modelUrl: model.url, examplesHash }, null, 2),
		);
	}

	const port = await firstFreePort(Number(process.env.N8N_PORT ?? 5678));
	rt.log('Starting n8n (log: .cache/start/n8n.log)…');
	const logFile = path.join(USER_FOLDER, 'n8n.log');
	const n8n = await rt.startN8n(node, USER_FOLDER, { port, logFile });
	await setUpOwner(n8n.url);

	const { admin, user } = sandbox.fixtures;
	console.log(`
  n8n with ${rt.PACKAGE_NAME} is ready:  ${n8n.url}

  1. Open ${n8n.url} and sign in:  ${OWNER.email} / ${OWNER.password}
  2. Open an example from the Overview page:
       • Squadus: onboard a new hire
       • Squadus: calendar event → conference
       • Squadus: relay #dev to #general as a digest
       • Squadus: AI assistant (agent with Squadus tools), on the stand-in model
     and click "Execute workflow". They use the credential "Squadus sandbox (admin)";
     "Squadus sandbox (admin token)" is the same user with a personal access token.
  3. Add Squadus nodes to your own workflows: search for "Squadus" in the nodes panel.

  Stand-in model (scripted, OpenAI-compatible; knows the assistant's two prompts):  ${model.url}
  Squadus sandbox (a stand-in Squadus server with demo data):  ${sandbox.url}
     admin:  ${admin.username} / ${admin.password}
     user:   ${user.username} / ${user.password}
  For a credential of your own, use the server address above.

  Press Ctrl-C to stop n8n and the sandbox.
`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		rt.log('Stopping…');
		await rt.stopProcess(n8n.child, n8n.exited);
		await sandbox.close();
		await model.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.exited.then(async (code) => {
		if (stopping) return;
		rt.log(`n8n exited (code ${code}); see .cache/start/n8n.log`);
		await sandbox.close();
		await model.close();
		process.exit(1);
	});
}

main().catch((error) => {
	console.error(error.message ?? error);
	process.exit(1);
});
