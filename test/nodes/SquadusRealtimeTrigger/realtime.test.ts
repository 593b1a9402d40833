// Squadus Realtime Trigger inside n8n-core's TriggerContext against the sandbox's Realtime API
// (DDP on /websocket) and REST API. Node 20 runs these tests: the WebSocket implementation comes
// from the `ws` devDependency through the node's declared seam (socketProvider).
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { WebSocket as WsWebSocket } from 'ws';

import {
	realtimeTimings,
	socketProvider,
	type RealtimeSocketConstructor,
} from '../../../nodes/SquadusRealtimeTrigger/socket';
import { clearOAuth2Sessions } from '../../../nodes/shared/transport/oauth2';
import { connectOAuth2, expectNoSecrets, oauth2Credentials } from '../../credentials/helpers';
import { harnessLogs, startTrigger, type ActiveTrigger } from '../../harness';
import { CREDENTIAL_NAME, nodeCredentials, credentialsFor, useSandbox, type Auth, type DemoUser } from '../helpers';
import { api } from '../SquadusTrigger/setup';

const ctx = useSandbox();
const defaults = { ...realtimeTimings };
const open: ActiveTrigger[] = [];

beforeAll(() => {
	socketProvider.WebSocket = WsWebSocket as unknown as RealtimeSocketConstructor;
	Object.assign(realtimeTimings, {
		heartbeatMs: 400,
		timeoutMs: 400,
		tickMs: 25,
		backoffFirstMs: 50,
		backoffMaxMs: 400,
	});
});
afterEach(async () => {
	while (open.length) await open.pop()?.close();
});
afterAll(() => {
	socketProvider.WebSocket = undefined;
	Object.assign(realtimeTimings, defaults);
});

function triggerNode(parameters: INodeParameters, auth: Auth): INode {
	return {
		id: 'realtime',
		name: 'Squadus Realtime Trigger',
		type: 'n8n-nodes-squadus.squadusRealtimeTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: auth, ...parameters },
		credentials: nodeCredentials(auth),
	};
}

async function activate(
	parameters: INodeParameters,
	options: {
		auth?: Auth;
		as?: DemoUser;
		data?: ICredentialDataDecryptedObject;
		staticData?: IDataObject;
		manual?: boolean;
	} = {},
): Promise<ActiveTrigger> {
	const auth = options.auth ?? 'accessToken';
	const data = options.data ?? credentialsFor(ctx.sandbox, options.as ?? 'admin', auth);
	const trigger = await startTrigger(triggerNode(parameters, auth), {
		credentials: { [CREDENTIAL_NAME[auth]]: data },
		staticData: options.staticData,
		manual: options.manual,
	});
	open.push(trigger);
	return trigger;
}

async function post(as: DemoUser, channel: string, text: string): Promise<string> {
	const { message } = await api(ctx.sandbox, as, 'POST', 'chat.postMessage', { channel, text });
	return (message as IDataObject)._id as string;
}

const texts = (items: IDataObject[]) => items.map((item) => item.msg);

describe('Squadus Realtime Trigger: events and filters', () => {
	it('New Message in all rooms: each message once, with room name and type, in the REST shape', async () => {
		const { sandbox } = ctx;
		sandbox.clearRequests();
		const trigger = await activate({ event: 'message', messagesIn: 'all' });
		// logged in over REST first (GET /me), then the rooms for their names
		expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/me',
			'GET /api/v1/rooms.get',
		]);
		const id = await post('user', '#general', 'hello from ivan');
		await post('user', '#random', 'second');
		const items = await trigger.waitForItems(2);
		expect(items[0]).toMatchObject({
			_id: id,
			msg: 'hello from ivan',
			rid: sandbox.fixtures.channels.general._id,
			roomName: 'general',
			roomType: 'c',
			u: { username: 'ivan.petrov' },
		});
		expect(items[0].ts).toBe(sandbox.state.messages.get(id) && new Date(sandbox.state.messages.get(id)!.ts).toISOString());
		expect(texts(items)).toEqual(['hello from ivan', 'second']);
		expect(trigger.emits).toBe(2);
	});

	it('skips own, bot and system messages by default; text contains and regex filter', async () => {
		const { sandbox } = ctx;
		const trigger = await activate({ event: 'message', options: { textRegex: '^(help|status)\\b' } });
		const general = sandbox.fixtures.channels.general._id;
		await post('admin', '#general', 'help from myself');
		const bot = sandbox.state.users.get(sandbox.fixtures.bot._id)!;
		sandbox.state.addMessage(general, bot, { msg: 'help from an integration', bot: { i: 'hook' } });
		sandbox.state.addMessage(general, sandbox.state.users.get(sandbox.fixtures.user._id)!, { msg: 'help', t: 'uj' });
		await post('user', '#general', 'nothing to see');
		await post('user', '#general', 'status please');
		await post('user', '#general', 'HELP me');
		expect(texts(await trigger.waitForItems(2))).toEqual(['status please', 'HELP me']);

		const contains = await activate({ event: 'message', options: { textContains: 'Invoice', ignoreOwn: false } });
		await post('admin', '#general', 'my invoice');
		await post('user', '#general', 'no');
		await post('user', '#general', 'INVOICE 7');
		expect(texts(await contains.waitForItems(2))).toEqual(['my invoice', 'INVOICE 7']);
		expect(texts(trigger.items)).toEqual(['status please', 'HELP me']);
	});

	it('One Channel: only that channel (by name or ID)', async () => {
		const { sandbox } = ctx;
		const byName = await activate(
			{ event: 'message', messagesIn: 'channel', channel: { __rl: true, mode: 'name', value: '#dev' } },
			{ as: 'user' },
		);
		const byId = await activate({
			event: 'message',
			messagesIn: 'channel',
			channel: { __rl: true, mode: 'id', value: sandbox.fixtures.channels.random._id },
		});
		await post('admin', '#general', 'not dev');
		await post('admin', '#dev', 'in dev');
		await post('user', '#random', 'in random');
		expect(texts(await byName.waitForItems(1))).toEqual(['in dev']);
		expect(texts(await byId.waitForItems(1))).toEqual(['in random']);
		expect(sandbox.requests({ path: '/api/v1/channels.info' }).map((r) => r.query)).toEqual(
			expect.arrayContaining([{ roomName: 'dev' }, { roomId: sandbox.fixtures.channels.random._id }]),
		);
	});

	it('New Direct Message: a direct message opened after activation, not channel messages', async () => {
		const { sandbox } = ctx;
		const anna = sandbox.createUser({ username: 'dm.writer', password: 'Dm#Passw0rd1' });
		const token = sandbox.createPersonalAccessToken(anna._id);
		sandbox.clearRequests();
		const trigger = await activate({ event: 'directMessage' });
		await post('user', '#general', 'channel message');
		const response = await fetch(`${sandbox.url}/api/v1/chat.postMessage`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token, 'X-User-Id': anna._id },
			body: JSON.stringify({ channel: '@admin', text: 'a new direct message' }),
		});
		expect(response.status).toBe(200);
		const [item] = await trigger.waitForItems(1);
		expect(item).toMatchObject({ msg: 'a new direct message', roomType: 'd', roomName: 'dm.writer' });
		// the room's name came from the user stream (rooms-changed): rooms.get was read once in full
		// at the start (the other read is the catch-up after connecting, rooms updated since then)
		expect(sandbox.requests({ path: '/api/v1/rooms.get' }).filter((r) => !r.query.updatedSince)).toHaveLength(1);
	});

	it('Mention of Me: only messages that mention the credential user', async () => {
		const trigger = await activate({ event: 'mention' });
		await post('user', '#general', 'hello @anna.smirnova');
		await post('user', '#general', '@admin can you look?');
		await post('user', '#dev', 'no mention');
		expect(texts(await trigger.waitForItems(1))).toEqual(['@admin can you look?']);
	});

	it('Test step waits for the next matching message and emits only it', async () => {
		const trigger = await activate({ event: 'message' }, { manual: true });
		await post('user', '#general', 'first');
		await post('user', '#general', 'second');
		await trigger.waitForItems(1);
		await post('user', '#general', 'third');
		await trigger.close();
		expect(texts(trigger.items)).toEqual(['first']);
		expect(trigger.staticData()).toEqual({});
	});

	it('a bad regex is reported before connecting', async () => {
		await expect(activate({ event: 'message', options: { textRegex: '(' } })).rejects.toThrow(
			'The option "Text Matches (Regex)" is not a valid regular expression',
		);
	});
});

describe('Squadus Realtime Trigger: login with resume', () => {
	it.each<Auth>(['password', 'accessToken', 'oAuth2'])('%s credential', async (auth) => {
		const { sandbox } = ctx;
		clearOAuth2Sessions();
		const before = sandbox.realtime.stats();
		const data =
			auth === 'oAuth2'
				? oauth2Credentials(sandbox, 'authorizationCode', await connectOAuth2(sandbox))
				: credentialsFor(sandbox, 'admin', auth);
		const trigger = await activate({ event: 'message' }, { auth, data });
		await post('user', '#general', `via ${auth}`);
		expect(texts(await trigger.waitForItems(1))).toEqual([`via ${auth}`]);
		const after = sandbox.realtime.stats();
		expect(after.logins - before.logins).toBe(1);
		expect(after.refusedLogins).toBe(before.refusedLogins);
		// no session, token or password in what the trigger emits or logs
		expectNoSecrets(sandbox, trigger.items, harnessLogs);
		// the resume token is the session the REST transport logged in with (or the PAT)
		if (auth === 'password') expect(sandbox.requests({ path: '/api/v1/login' })).not.toHaveLength(0);
		if (auth === 'oAuth2') expect(sandbox.requests({ path: '/api/v1/method.callAnon/login' })).not.toHaveLength(0);
	});

	it('an expired session: the connection ends, the session is renewed over REST, messages go on', async () => {
		const { sandbox } = ctx;
		const trigger = await activate({ event: 'message' }, { auth: 'password' });
		await post('user', '#general', 'before expiry');
		await trigger.waitForItems(1);
		sandbox.clearRequests();
		const refused = sandbox.realtime.stats().refusedLogins;
		sandbox.expireSessions();
		await post('user', '#general', 'while reconnecting');
		while (sandbox.realtime.stats().connections === 0 || sandbox.requests({ path: '/api/v1/login' }).length === 0) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await post('user', '#general', 'after expiry');
		expect(texts(await trigger.waitForItems(3))).toEqual(['before expiry', 'while reconnecting', 'after expiry']);
		expect(sandbox.realtime.stats().refusedLogins).toBe(refused + 1);
		expect(sandbox.requests({ path: '/api/v1/login' })).toHaveLength(1);
	});
});

describe('Squadus Realtime Trigger: a connection that holds', () => {
	it('200 messages across a server restart: no loss, no duplicate, in order', async () => {
		const { sandbox } = ctx;
		const general = sandbox.fixtures.channels.general._id;
		const trigger = await activate({ event: 'message', messagesIn: 'all' });
		const ids: string[] = [];
		for (let i = 0; i < 80; i++) ids.push(await post('user', '#general', `r${i}`));
		await sandbox.realtime.restart(300, () => {
			ids.push(...sandbox.addMessages(general, 60, { userId: sandbox.fixtures.user._id, text: (i) => `down${i}` }));
		});
		for (let i = 0; i < 60; i++) ids.push(await post('user', '#general', `after${i}`));
		const items = await trigger.waitForItems(200);
		expect(items.map((item) => item._id)).toEqual(ids);
		expect(new Set(items.map((item) => item._id)).size).toBe(200);
		expect(sandbox.realtime.stats().connections).toBe(1);
	});

	it('a stalled connection is detected by the ping watchdog and replaced', async () => {
		const { sandbox } = ctx;
		const trigger = await activate({ event: 'message' });
		const accepted = sandbox.realtime.stats().accepted;
		sandbox.realtime.stallConnections();
		await post('user', '#general', 'lost on the stalled line');
		while (sandbox.realtime.stats().accepted === accepted) await new Promise((r) => setTimeout(r, 20));
		await post('user', '#general', 'on the new line');
		expect(texts(await trigger.waitForItems(2))).toEqual(['lost on the stalled line', 'on the new line']);
	});

	it('dropped connections reconnect and catch up', async () => {
		const { sandbox } = ctx;
		const trigger = await activate({ event: 'message' });
		sandbox.realtime.dropConnections();
		await post('user', '#dev', 'during the drop');
		expect(texts(await trigger.waitForItems(1))).toEqual(['during the drop']);
	});

	it('a burst of 1,000 messages becomes exactly 1,000 items', async () => {
		const { sandbox } = ctx;
		const trigger = await activate({ event: 'message' });
		const ids = sandbox.addMessages(sandbox.fixtures.channels.random._id, 1000, {
			userId: sandbox.fixtures.user._id,
			text: (i) => `burst ${i}`,
		});
		await trigger.waitForItems(1000);
		// anything emitted twice would follow right after: one more message must be the 1,001st item
		await post('user', '#random', 'after the burst');
		await trigger.waitForItems(1001);
		// the sandbox backdates a bulk insert (1 ms apart, ending now), so the catch-up after
		// connecting may emit its tail before the stream delivers its head: compare as sets
		const emitted = trigger.items.slice(0, 1000).map((item) => item._id as string);
		expect(new Set(emitted).size).toBe(1000);
		expect([...emitted].sort()).toEqual([...ids].sort());
		expect(trigger.items).toHaveLength(1001);
		expect(trigger.items[1000].msg).toBe('after the burst');
	});

	it('the position survives a restart of n8n (static data): what came in between is emitted once', async () => {
		const first = await activate({ event: 'message' });
		await post('user', '#general', 'seen before');
		await first.waitForItems(1);
		await first.close();
		const staticData = first.staticData();
		await post('user', '#general', 'while n8n was down');
		await post('user', '#dev', 'also while down');
		const second = await activate({ event: 'message' }, { staticData });
		await post('user', '#general', 'live again');
		expect(texts(await second.waitForItems(3))).toEqual(['while n8n was down', 'also while down', 'live again']);
	});

	it('close on deactivate leaves no open socket', async () => {
		const { sandbox } = ctx;
		const trigger = await activate({ event: 'message' });
		expect(sandbox.realtime.stats().connections).toBe(1);
		await trigger.close();
		open.length = 0;
		while (sandbox.realtime.stats().connections > 0) await new Promise((r) => setTimeout(r, 10));
		expect(sandbox.realtime.stats().connections).toBe(0);
	});

	it('without a WebSocket (Node < 22) the trigger says to use Node 22+ or the polling trigger', async () => {
		// Node 22 and later have a global WebSocket: hidden here, as Node 20 has none.
		const global = globalThis as { WebSocket?: unknown };
		const descriptor = Object.getOwnPropertyDescriptor(global, 'WebSocket');
		socketProvider.WebSocket = undefined;
		delete global.WebSocket;
		try {
			expect(typeof global.WebSocket).toBe('undefined');
			const failure = activate({ event: 'message' });
			await expect(failure).rejects.toThrow('Squadus Realtime Trigger needs Node.js 22 or later');
			await failure.catch((error: { description?: string }) =>
				expect(error.description).toContain('Squadus Trigger node, which polls'),
			);
			// nothing was sent: the check comes before the login
			expect(ctx.sandbox.realtime.stats().connections).toBe(0);
		} finally {
			if (descriptor) Object.defineProperty(global, 'WebSocket', descriptor);
			socketProvider.WebSocket = WsWebSocket as unknown as RealtimeSocketConstructor;
		}
	});
});
