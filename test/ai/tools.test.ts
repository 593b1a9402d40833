// The Squadus tools of examples/assistant.json as an agent uses them, inside n8n-core's engine:
// each tool node runs with its $fromAI() parameters replaced by what a model sends (names with
// '#'/'@', IDs, usernames, ISO 8601 with an offset, numbers as text), against the sandbox.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { parseChannelText, parseUserText } from '../../nodes/shared/helpers/names';
import { runNode, useSandbox } from '../nodes/helpers';

interface ToolNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}

const assistant = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'examples', 'assistant.json'), 'utf8'),
) as { nodes: ToolNode[] };
const tools = assistant.nodes.filter((node) => node.type.endsWith('Tool'));
const FROM_AI = /^=\{\{ \$fromAI\('([\w-]+)', `([^`]*)`, '(\w+)'\) \}\}$/;

function tool(name: string): ToolNode {
	const found = tools.find((node) => node.name === name);
	if (!found) throw new Error(`no tool ${name}`);
	return found;
}

/** The $fromAI() calls of a tool's parameters: key → description and type. */
function fromAiKeys(
	value: unknown,
	keys: Record<string, { description: string; type: string }> = {},
) {
	if (typeof value === 'string') {
		const match = value.match(FROM_AI);
		if (match) keys[match[1]] = { description: match[2], type: match[3] };
	} else if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) fromAiKeys(inner, keys);
	}
	return keys;
}

/** The tool's parameters with each $fromAI() replaced by the model's argument, as n8n does. */
function fill(value: unknown, args: IDataObject): unknown {
	if (typeof value === 'string') {
		const match = value.match(FROM_AI);
		if (!match) return value;
		if (!(match[1] in args)) throw new Error(`the test gives no "${match[1]}"`);
		return args[match[1]];
	}
	if (Array.isArray(value)) return value.map((inner) => fill(inner, args));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, args)]));
	}
	return value;
}

/** Runs the node behind a tool (its type without the Tool suffix) with the model's arguments. */
function callTool(sandbox: Parameters<typeof runNode>[0], name: string, args: IDataObject) {
	const node = tool(name);
	const {
		descriptionType: _type,
		toolDescription: _description,
		authentication: _auth,
		...rest
	} = node.parameters;
	const type = node.type.replace(/^n8n-nodes-squadus\./, '').replace(/Tool$/, '');
	return runNode(sandbox, type, fill(rest, args) as INodeParameters);
}

describe('Squadus tools for AI agents (examples/assistant.json)', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	it('each tool says what it does and what it needs, and each $fromAI parameter is described', () => {
		expect(tools.map((t) => t.name).sort()).toEqual(
			[
				'Create conference',
				'Find channels',
				'Invite to conference',
				'Look up user',
				'Read channel messages',
				'Send message',
			].sort(),
		);
		for (const node of tools) {
			expect(node.parameters.descriptionType).toBe('manual');
			expect(String(node.parameters.toolDescription)).toMatch(/^[A-Z][^.]+\. Needs .+\./);
			const keys = fromAiKeys(node.parameters);
			expect(Object.keys(keys).length).toBeGreaterThan(0);
			for (const [key, { description }] of Object.entries(keys)) {
				expect(`${key}: ${description}`).toMatch(new RegExp(`^${key}: .{10,}`));
			}
		}
	});

	it('Find channels: "#dev" finds #dev (the # is not part of the name)', async () => {
		const { sandbox } = ctx;
		const run = await callTool(sandbox, 'Find channels', { name_contains: '#dev' });
		expect(run.nodeError).toBeUndefined();
		expect(run.json.map((c) => c.name)).toEqual(['dev']);
		const [request] = sandbox.requests({ path: '/api/v1/channels.list' });
		expect(JSON.parse(request.query.query)).toEqual({ name: { $regex: 'dev', $options: 'i' } });
	});

	it.each([
		['its ID', (dev: { _id: string }) => dev._id, 0],
		['#name', () => '#dev', 1],
		['a bare name', () => 'dev', 1],
	])(
		'Read channel messages: the channel as %s, the limit as text',
		async (_label, channel, lookups) => {
			const { sandbox } = ctx;
			const { dev } = sandbox.fixtures.channels;
			const run = await callTool(sandbox, 'Read channel messages', {
				channel: channel(dev),
				limit: '1',
			});
			expect(run.nodeError).toBeUndefined();
			expect(run.json).toHaveLength(1);
			// a name is looked up first: Rocket.Chat's channels.messages takes only roomId
			const infos = sandbox.requests({ path: '/api/v1/channels.info' });
			expect(infos.map((r) => r.query.roomName)).toEqual(lookups ? ['dev'] : []);
			const [request] = sandbox.requests({ path: '/api/v1/channels.messages' });
			expect(request.query.roomId).toBe(dev._id);
			expect(request.query.roomName).toBeUndefined();
			expect(request.query.count).toBe('1');
		},
	);

	it('Send message: "#general", "general" and the channel ID all post to #general', async () => {
		const { sandbox } = ctx;
		const { general } = sandbox.fixtures.channels;
		for (const channel of ['#general', 'general', general._id]) {
			const run = await callTool(sandbox, 'Send message', { channel, text: `to ${channel}` });
			expect(run.nodeError).toBeUndefined();
			expect(run.json[0].rid).toBe(general._id);
		}
		const bodies = sandbox.requests({ path: '/api/v1/chat.postMessage' }).map((r) => r.body);
		expect(bodies).toEqual([
			{ channel: '#general', text: 'to #general' },
			{ channel: '#general', text: 'to general' },
			{ roomId: general._id, text: `to ${general._id}` },
		]);
	});

	it('Look up user: a username with or without @, or an ID', async () => {
		const { sandbox } = ctx;
		const ivan = sandbox.fixtures.user;
		for (const user of ['ivan.petrov', '@ivan.petrov', ivan._id]) {
			const run = await callTool(sandbox, 'Look up user', { user });
			expect(run.nodeError).toBeUndefined();
			expect(run.json[0]._id).toBe(ivan._id);
		}
		expect(sandbox.requests({ path: '/api/v1/users.info' }).map((r) => r.query)).toEqual([
			{ username: 'ivan.petrov' },
			{ username: 'ivan.petrov' },
			{ userId: ivan._id },
		]);
	});

	it('Create conference: room "#general", ISO 8601 with an offset → epoch milliseconds', async () => {
		const { sandbox } = ctx;
		const { general } = sandbox.fixtures.channels;
		const run = await callTool(sandbox, 'Create conference', {
			name: 'Agent call',
			room: '#general',
			start: '2026-12-03T10:00:00+03:00',
			end: '2026-12-03T10:30:00+03:00',
		});
		expect(run.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: '/api/v1/channels.info' })[0].query).toEqual({
			roomName: 'general',
		});
		const [create] = sandbox.requests({ path: '/api/v1/scc.createConference' });
		expect(create.body.conference).toEqual({
			name: 'Agent call',
			rid: general._id,
			plannedStartTime: Date.UTC(2026, 11, 3, 7, 0),
			plannedEndTime: Date.UTC(2026, 11, 3, 7, 30),
		});
		expect(run.json[0].serviceUrl).toContain(String(run.json[0].number));
	});

	it('Invite to conference: IDs and usernames (with @) in one comma-separated text', async () => {
		const { sandbox } = ctx;
		const { general } = sandbox.fixtures.channels;
		const created = await callTool(sandbox, 'Create conference', {
			name: 'Invite test',
			room: general._id,
			start: '2026-12-03T12:00:00Z',
			end: '2026-12-03T13:00:00Z',
		});
		const anna = sandbox.state.userByUsername('anna.smirnova')!;
		const run = await callTool(sandbox, 'Invite to conference', {
			meeting_id: created.json[0]._id as string,
			users: `${sandbox.fixtures.user._id}, @anna.smirnova`,
		});
		expect(run.nodeError).toBeUndefined();
		const [invite] = sandbox.requests({ path: '/api/v1/conference.inviteUsers' });
		expect(invite.body).toEqual({
			meetingId: created.json[0]._id,
			userIds: [sandbox.fixtures.user._id, anna._id],
		});
	});

	describe('errors an agent gets back say what to change, without stack or secret', () => {
		const expectAgentReadable = (
			error: { message: string; description?: string | null } | undefined,
		) => {
			expect(error).toBeDefined();
			const text = `${error!.message} ${error!.description ?? ''}`;
			expect(text).not.toMatch(/\n\s+at |\.ts:\d+|\.js:\d+/);
			for (const secret of ctx.sandbox.secrets()) expect(text).not.toContain(secret);
			return text;
		};

		it('a date the node cannot read names the parameter and the form to use; nothing is sent', async () => {
			const { sandbox } = ctx;
			const run = await callTool(sandbox, 'Create conference', {
				name: 'Bad date',
				room: '#general',
				start: 'tomorrow at ten',
				end: '2026-12-03T10:30:00+03:00',
			});
			const text = expectAgentReadable(run.nodeError);
			expect(run.nodeError!.message).toBe(
				'The parameter "Planned Start" is not a date and time: "tomorrow at ten"',
			);
			expect(text).toMatch(/ISO 8601/);
			expect(sandbox.requests({ path: '/api/v1/scc.createConference' })).toHaveLength(0);
		});

		it('a limit that is not a number says how to fix it', async () => {
			const run = await callTool(ctx.sandbox, 'Read channel messages', {
				channel: '#dev',
				limit: 'twenty',
			});
			const text = expectAgentReadable(run.nodeError);
			expect(text).toMatch(/Limit/);
			expect(ctx.sandbox.requests({ path: '/api/v1/channels.messages' })).toHaveLength(0);
		});

		it('an unknown channel carries the server’s message', async () => {
			const run = await callTool(ctx.sandbox, 'Send message', {
				channel: '#no-such-channel',
				text: 'hello',
			});
			const text = expectAgentReadable(run.nodeError);
			expect(text).toMatch(/channel/i);
		});
	});
});

describe('parseChannelText / parseUserText (the forms models write)', () => {
	it.each([
		['#dev', 'id', { roomName: 'dev' }],
		['#dev', 'name', { roomName: 'dev' }],
		['dev', 'name', { roomName: 'dev' }],
		['dev', 'id', { roomName: 'dev' }],
		['GENERAL', 'id', { roomId: 'GENERAL' }],
		['8MvNjAh5hDzbfjmgt', 'id', { roomId: '8MvNjAh5hDzbfjmgt' }],
		['8MvNjAh5hDzbfjmgt', 'name', { roomId: '8MvNjAh5hDzbfjmgt' }],
		// one random id in 15 has no digit (seen in a run): still an id
		['eqNpffdJfSYDfNWbq', 'name', { roomId: 'eqNpffdJfSYDfNWbq' }],
		['project-x', 'name', { roomName: 'project-x' }],
		['Some Room', 'id', { roomId: 'Some Room' }],
	])('channel %p in a %s field', (text, mode, expected) => {
		expect(parseChannelText(text, mode)).toEqual(expected);
	});

	it.each([
		['@anna.smirnova', 'id', { username: 'anna.smirnova' }],
		['anna.smirnova', 'id', { username: 'anna.smirnova' }],
		['BsNr28znDkG8aeo7W', 'id', { userId: 'BsNr28znDkG8aeo7W' }],
		['admin', 'id', { userId: 'admin' }],
		['admin', 'username', { username: 'admin' }],
		['BsNr28znDkG8aeo7W', 'username', { userId: 'BsNr28znDkG8aeo7W' }],
		['eqNpffdJfSYDfNWbq', 'username', { userId: 'eqNpffdJfSYDfNWbq' }],
		['ivanpetrovsupport', 'username', { username: 'ivanpetrovsupport' }],
		['admin', 'text', { username: 'admin' }],
		['BsNr28znDkG8aeo7W', 'text', { userId: 'BsNr28znDkG8aeo7W' }],
	])('user %p in a %s field', (text, mode, expected) => {
		expect(parseUserText(text, mode)).toEqual(expected);
	});
});
