/**
 * The MCP check of `npm run e2e`: a published workflow with n8n's MCP Server Trigger and the
 * assistant's six Squadus tools (the same nodes as examples/assistant.json), served by `n8n start`.
 * A real MCP client (@modelcontextprotocol/sdk) lists the tools, checks their descriptions and
 * input schemas, and calls Send message and Create conference; the sandbox must receive both.
 */
'use strict';

const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const {
	StreamableHTTPClientTransport,
} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const { SSEClientTransport } = require('@modelcontextprotocol/sdk/client/sse.js');

const MCP_WORKFLOW_ID = 'sqdE2eMcpServer01';
const MCP_PATH = 'squadus-e2e';

/** The $fromAI keys each tool's input schema must offer. */
const EXPECTED_PARAMETERS = {
	Find_channels: ['name_contains'],
	Read_channel_messages: ['channel', 'limit'],
	Send_message: ['channel', 'text'],
	Look_up_user: ['user'],
	Create_conference: ['name', 'room', 'start', 'end'],
	Invite_to_conference: ['meeting_id', 'users'],
};

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/** The assistant's tool nodes, connected to an MCP Server Trigger instead of the agent. */
function mcpWorkflow(assistant) {
	const tools = assistant.nodes.filter((n) => n.type.endsWith('Tool'));
	const trigger = {
		parameters: { path: MCP_PATH, authentication: 'none' },
		id: '2b0c0d1e-0016-4a8e-9c61-0000000000f1',
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2,
		position: [0, 0],
		webhookId: '2b0c0d1e-0016-4a8e-9c61-0000000000f2',
	};
	return {
		id: MCP_WORKFLOW_ID,
		name: 'Squadus e2e: MCP server with the Squadus tools',
		active: false,
		nodes: [trigger, ...tools],
		connections: Object.fromEntries(
			tools.map((t) => [
				t.name,
				{ ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] },
			]),
		),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * A connected MCP client: streamable HTTP first, then the older SSE transport. n8n registers a
 * published workflow's webhooks while it starts up, so a 404 is retried for a while.
 */
async function connect(n8nUrl, timeoutMs = 90_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await connectOnce(n8nUrl);
		} catch (error) {
			if (!/not registered|\b404\b/.test(error.message) || Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}

async function connectOnce(n8nUrl) {
	const attempts = [
		[
			'streamable HTTP',
			() => new StreamableHTTPClientTransport(new URL(`${n8nUrl}/mcp/${MCP_PATH}`)),
		],
		['SSE', () => new SSEClientTransport(new URL(`${n8nUrl}/mcp/${MCP_PATH}/sse`))],
	];
	const failures = [];
	for (const [kind, transport] of attempts) {
		const client = new Client({ name: 'squadus-e2e', version: '1.0.0' });
		try {
			await client.connect(transport());
			return { client, kind };
		} catch (error) {
			failures.push(`${kind}: ${error.message}`);
			await client.close().catch(() => {});
		}
	}
	throw new Error(`no MCP connection to ${n8nUrl}/mcp/${MCP_PATH}: ${failures.join('; ')}`);
}

/** The text of a tool result, parsed when it is JSON. */
function resultOf(result) {
	const text = (result.content ?? []).map((part) => part.text ?? '').join('');
	assert(!result.isError, `the tool reported an error: ${text}`);
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		return text;
	}
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) => (entry && typeof entry.json === 'object' ? entry.json : entry));
}

async function checkMcp({ n8nUrl, sandbox }) {
	const { client, kind } = await connect(n8nUrl);
	try {
		const { tools } = await client.listTools();
		const byName = new Map(tools.map((t) => [t.name, t]));
		for (const [name, keys] of Object.entries(EXPECTED_PARAMETERS)) {
			const tool = byName.get(name);
			assert(tool, `the MCP server does not list ${name}; it lists ${[...byName.keys()]}`);
			assert(String(tool.description ?? '').trim().length > 10, `${name} has no description`);
			const properties = tool.inputSchema?.properties ?? {};
			for (const key of keys) {
				assert(
					properties[key],
					`${name}'s input schema lacks "${key}": ${JSON.stringify(tool.inputSchema)}`,
				);
				assert(
					String(properties[key].description ?? '').trim(),
					`${name}'s "${key}" has no description`,
				);
			}
		}

		sandbox.clearRequests();
		const { general } = sandbox.fixtures.channels;
		const text = 'Posted through MCP: the Squadus tools work outside n8n too';
		const sent = resultOf(
			await client.callTool({ name: 'Send_message', arguments: { channel: 'general', text } }),
		);
		const posts = sandbox.requests({ path: '/api/v1/chat.postMessage' });
		assert(
			posts.length === 1 && posts[0].body.channel === '#general' && posts[0].body.text === text,
			`chat.postMessage: ${JSON.stringify(posts.map((p) => p.body))}`,
		);
		const message = (sandbox.state.roomMessages.get(general._id) ?? []).find((m) => m.msg === text);
		assert(message, 'the message is not in #general');
		assert(
			JSON.stringify(sent).includes(message._id),
			`Send_message returned ${JSON.stringify(sent)}`,
		);

		const start = '2026-12-24T15:00:00+03:00';
		const end = '2026-12-24T16:00:00+03:00';
		const created = resultOf(
			await client.callTool({
				name: 'Create_conference',
				arguments: { name: 'MCP planning', room: general._id, start, end },
			}),
		);
		const creates = sandbox.requests({ path: '/api/v1/scc.createConference' });
		assert(creates.length === 1, `${creates.length} scc.createConference requests`);
		const { conference } = creates[0].body;
		assert(
			conference.name === 'MCP planning' &&
				conference.rid === general._id &&
				conference.plannedStartTime === Date.parse(start) &&
				conference.plannedEndTime === Date.parse(end),
			`scc.createConference body: ${JSON.stringify(conference)}`,
		);
		const stored = [...sandbox.state.conferences.values()].find((c) => c.name === 'MCP planning');
		assert(stored, 'the conference was not created');
		assert(
			JSON.stringify(created).includes(String(stored.number)),
			`Create_conference returned ${JSON.stringify(created).slice(0, 300)}`,
		);
		return `${tools.length} tools over ${kind}, each described with its $fromAI parameters; message ${message._id} and conference ${stored.number} created`;
	} finally {
		await client.close().catch(() => {});
	}
}

module.exports = { checkMcp, mcpWorkflow, MCP_WORKFLOW_ID };
