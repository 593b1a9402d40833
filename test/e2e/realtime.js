/**
 * The Squadus Realtime Trigger in a real n8n (`n8n start`): a published workflow watches
 * #random over the sandbox's Realtime API and acknowledges each message in #general with the
 * time its execution ran. 20 messages must give exactly 20 acknowledgements, each within 1 s of
 * its message (sandbox and n8n share this machine's clock). Prints the median and maximum.
 */
'use strict';

const WORKFLOW_ID = 'sqdE2eRealtime01';
const MESSAGES = 20;
const LIMIT_MS = 1000;
const ACK = 'e2e-ack';

/** The workflow to import and publish before `n8n start`. */
function realtimeWorkflow() {
	const credentials = { squadusTokenApi: { id: 'sqdSandboxToken1', name: 'Squadus sandbox (admin token)' } };
	return {
		id: WORKFLOW_ID,
		name: 'E2E: realtime trigger latency',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				parameters: {
					authentication: 'accessToken',
					event: 'message',
					messagesIn: 'channel',
					channel: { __rl: true, mode: 'name', value: 'random' },
					options: {},
				},
				id: '4d0e1f20-0004-4a8e-9c61-000000000001',
				name: 'Realtime',
				type: 'n8n-nodes-squadus.squadusRealtimeTrigger',
				typeVersion: 1,
				position: [0, 0],
				credentials,
			},
			{
				parameters: {
					authentication: 'accessToken',
					operation: 'send',
					sendTo: 'channel',
					channel: { __rl: true, mode: 'name', value: 'general' },
					text: `=${ACK} {{ $json._id }} {{ $now.toMillis() }}`,
					attachmentsInput: 'fields',
					options: {},
				},
				id: '4d0e1f20-0004-4a8e-9c61-000000000002',
				name: 'Acknowledge',
				type: 'n8n-nodes-squadus.squadusChat',
				typeVersion: 1,
				position: [220, 0],
				credentials,
			},
		],
		connections: { Realtime: { main: [[{ node: 'Acknowledge', type: 'main', index: 0 }]] } },
	};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, test, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = test();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
}

function acks(sandbox) {
	const general = sandbox.fixtures.channels.general._id;
	return (sandbox.state.roomMessages.get(general) ?? [])
		.filter((m) => m.msg.startsWith(`${ACK} `))
		.map((m) => {
			const [, id, ranAt] = m.msg.split(' ');
			return { id, ranAt: Number(ranAt) };
		});
}

/** Posts 20 messages as ivan.petrov through the REST API and measures each execution's start. */
async function realtimeCheck(sandbox) {
	// n8n activates published workflows after it serves the editor: wait for the subscription
	await waitFor('the trigger to log in over /websocket', () => sandbox.realtime.stats().logins >= 1, 90_000);
	await sleep(500);
	const { user, channels } = sandbox.fixtures;
	const posted = [];
	for (let i = 0; i < MESSAGES; i++) {
		const response = await fetch(`${sandbox.url}/api/v1/chat.postMessage`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-Auth-Token': user.personalAccessToken,
				'X-User-Id': user._id,
			},
			body: JSON.stringify({ roomId: channels.random._id, text: `realtime ${i + 1}` }),
		});
		const { message } = await response.json();
		if (!response.ok || !message) throw new Error(`posting message ${i + 1} failed: HTTP ${response.status}`);
		posted.push({ id: message._id, ts: Date.parse(message.ts) });
		// one message a second: each execution is measured on its own, not n8n's throughput
		await sleep(1000);
	}
	await waitFor(`${MESSAGES} acknowledgements`, () => acks(sandbox).length >= MESSAGES, 60_000);
	await sleep(2000); // a duplicate would arrive within this
	const all = acks(sandbox);
	if (all.length !== MESSAGES) throw new Error(`${all.length} executions for ${MESSAGES} messages`);
	const byId = new Map(all.map((ack) => [ack.id, ack]));
	const latencies = posted.map(({ id, ts }) => {
		const ack = byId.get(id);
		if (!ack) throw new Error(`no execution for message ${id}`);
		return ack.ranAt - ts;
	});
	const sorted = [...latencies].sort((a, b) => a - b);
	const median = (sorted[(MESSAGES - 1) >> 1] + sorted[MESSAGES >> 1]) / 2;
	const max = sorted[MESSAGES - 1];
	console.log(
		`  realtime latency (message stored → execution ran its first node), ${MESSAGES} messages: median ${median} ms, max ${max} ms, min ${sorted[0]} ms`,
	);
	const late = latencies.filter((ms) => ms > LIMIT_MS).length;
	if (late) throw new Error(`${late} of ${MESSAGES} executions started more than ${LIMIT_MS} ms after their message (max ${max} ms)`);
	return `${MESSAGES} messages → ${MESSAGES} executions; latency median ${median} ms, max ${max} ms`;
}

module.exports = { realtimeWorkflow, realtimeCheck, REALTIME_WORKFLOW_ID: WORKFLOW_ID };
