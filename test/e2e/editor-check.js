#!/usr/bin/env node
/**
 * The n8n editor with this package: sets up the owner account over REST, opens a workflow that
 * holds every Squadus node in headless Chromium (Debian's `chromium`, driven by playwright-core),
 * saves screenshots of the canvas and of one node's parameter panel to test/e2e/artifacts/, and
 * fails if the page shows an error or an unknown node.
 *
 * Used by run.js (npm run e2e). Standalone: `node test/e2e/editor-check.js` provisions n8n,
 * installs the package into .cache/editor-check and runs the check on its own.
 */
'use strict';

const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const rt = require('../../scripts/runtime');

const OWNER = {
	email: 'owner@squadus.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Owner#Passw0rd',
};

/** A workflow with one of each Squadus node (their default parameters), for the canvas. */
function allNodesWorkflow() {
	const pkg = require(path.join(rt.ROOT, 'package.json'));
	const nodes = pkg.n8n.nodes.map((file, i) => {
		const exported = require(path.join(rt.ROOT, file));
		const type = new (Object.values(exported).find((value) => typeof value === 'function'))();
		return {
			parameters: {},
			id: `5e1ec7ed-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			name: type.description.defaults.name,
			type: `${rt.PACKAGE_NAME}.${type.description.name}`,
			typeVersion: type.description.defaultVersion ?? type.description.version,
			position: [(i % 5) * 260, Math.floor(i / 5) * 220],
			credentials: { squadusApi: { id: 'sqdSandboxAdmin1', name: 'Squadus sandbox (admin)' } },
		};
	});
	return {
		id: 'sqdE2eAllNodes01',
		name: 'E2E: every Squadus node',
		active: false,
		nodes,
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
	};
}

function chromiumPath() {
	const which = (name) => spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim();
	let bin = which('chromium') || which('chromium-browser');
	if (!bin && process.getuid?.() === 0 && which('apt-get')) {
		rt.log('Installing Debian’s chromium (apt-get install chromium)…');
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			stdio: 'ignore',
		});
		bin = which('chromium');
	}
	if (!bin) throw new Error('Chromium not found: install it (Debian: apt-get install chromium)');
	return bin;
}

const ERROR_TEXTS = [
	/Install this node to use it/i,
	/node is not (currently )?installed/i,
	/Problem loading/i,
	/Could not (load|find)/i,
	/Unrecognized node type/i,
	/There was a problem/i,
];

/** Fails if the page shows an error toast or an error text. */
async function assertNoErrors(page, where) {
	const toasts = await page
		.locator('.el-notification--error, [role="alert"].el-message--error')
		.allInnerTexts();
	if (toasts.length) throw new Error(`${where}: error message shown: ${toasts.join(' | ')}`);
	const text = await page.locator('body').innerText();
	const hit = ERROR_TEXTS.find((re) => re.test(text));
	if (hit) throw new Error(`${where}: the page says "${text.match(hit)[0]}"`);
}

/** Opens the node creator with `opener`, searches for "Squadus", and returns the names offered, in order. */
async function searchNodeCreator(page, opener, shot) {
	await page.locator(opener).first().click({ timeout: 30_000 });
	const creator = page.locator('[data-test-id="node-creator"]');
	await creator.waitFor({ timeout: 30_000 });
	await page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first().fill('Squadus');
	await page.waitForTimeout(1500);
	await page.screenshot({ path: shot });
	const names = await creator.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
	await page.keyboard.press('Escape');
	return names.map((name) => name.trim()).filter((name) => /squadus/i.test(name));
}

async function editorCheck({ url, workflowId, artifacts }) {
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
		const setup = await context.request.post(`${url}/rest/owner/setup`, { data: OWNER });
		if (!setup.ok()) {
			const login = await context.request.post(`${url}/rest/login`, {
				data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
			});
			if (!login.ok())
				throw new Error(`owner setup ${setup.status()} and login ${login.status()} failed`);
		}
		const page = await context.newPage();
		const consoleErrors = [];
		page.on('pageerror', (error) => consoleErrors.push(error.message));

		await page.goto(`${url}/workflow/${workflowId}`, { waitUntil: 'networkidle' });
		const nodes = page.locator('[data-test-id="canvas-node"]');
		await nodes.first().waitFor({ timeout: 60_000 });
		const expected = allNodesWorkflow().nodes.length;
		await page.waitForTimeout(1500);
		const count = await nodes.count();
		const canvasShot = path.join(artifacts, 'editor-canvas.png');
		await page.screenshot({ path: canvasShot });
		if (count !== expected)
			throw new Error(`the canvas shows ${count} nodes, expected ${expected}`);
		await assertNoErrors(page, 'canvas');

		// open the Squadus Chat node's parameter panel
		await page
			.locator('[data-test-id="canvas-node"]', { hasText: 'Squadus Chat' })
			.first()
			.dblclick();
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		const panelShot = path.join(artifacts, 'editor-node-panel.png');
		await page.screenshot({ path: panelShot });
		const panel = await ndv.innerText();
		for (const label of ['Operation', 'Send To', 'Text']) {
			if (!panel.includes(label)) throw new Error(`the Squadus Chat panel lacks "${label}"`);
		}
		await assertNoErrors(page, 'parameter panel');

		// the node picker: what a search for "Squadus" offers, in order, on a workflow with nodes
		// (actions and triggers) and on a new one (the first-step panel: triggers)
		const searchShot = path.join(artifacts, 'editor-node-search.png');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		const regular = await searchNodeCreator(page, '[data-test-id="node-creator-plus-button"]', searchShot);
		const firstStepShot = path.join(artifacts, 'editor-first-step-search.png');
		await page.goto(`${url}/workflow/new`, { waitUntil: 'networkidle' });
		const firstStep = await searchNodeCreator(page, '[data-test-id="canvas-add-button"]', firstStepShot);
		for (const [where, names] of [
			['node search', regular],
			['first-step panel', firstStep],
		]) {
			if (!names.length) throw new Error(`the ${where} offers nothing for "Squadus"`);
			if (/Authentication|Auth$/.test(names[0]))
				throw new Error(`the ${where} offers ${names[0]} first: ${names.join(', ')}`);
		}
		if (!regular.includes('Squadus Chat')) throw new Error(`the node search lacks Squadus Chat: ${regular.join(', ')}`);
		const relevant = consoleErrors.filter((message) => /squadus/i.test(message));
		if (relevant.length) throw new Error(`page errors about the package: ${relevant.join(' | ')}`);
		return `${count} nodes on the canvas; a search for "Squadus" offers ${regular.join(', ')} (first step: ${firstStep.join(', ')}); ${[canvasShot, panelShot, searchShot, firstStepShot].map((shot) => path.relative(rt.ROOT, shot)).join(', ')}`;
	} finally {
		await browser.close();
	}
}

/** Standalone: its own n8n user folder, n8n start, the check, stop. */
async function standalone() {
	const userFolder = path.join(rt.CACHE, 'editor-check');
	const artifacts = path.join(__dirname, 'artifacts');
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(artifacts, { recursive: true });
	const node = rt.ensureNode();
	rt.ensureN8n(node);
	rt.installPackage(userFolder);
	const workflow = allNodesWorkflow();
	await rt.importIntoN8n(node, userFolder, { credentials: [], workflows: [workflow] });
	const n8n = await rt.startN8n(node, userFolder, {
		port: 5678,
		logFile: path.join(artifacts, 'editor-check-n8n.log'),
	});
	try {
		rt.log(`PASS  ${await editorCheck({ url: n8n.url, workflowId: workflow.id, artifacts })}`);
	} finally {
		await rt.stopProcess(n8n.child, n8n.exited);
	}
}

module.exports = { editorCheck, allNodesWorkflow };

if (require.main === module) {
	standalone().catch((error) => {
		console.error(`FAIL  ${error.stack ?? error.message}`);
		process.exitCode = 1;
	});
}
