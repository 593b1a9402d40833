import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../../harness';
import { CREDENTIAL_NAME, credentialsFor, useSandbox } from '../helpers';
import { api, apiRequests, poller, triggerNode } from './setup';

const ctx = useSandbox();
let channelCount = 0;

/** A fresh channel per test, so tests do not see each other's messages. */
async function newChannel(): Promise<{ _id: string; name: string }> {
	const name = `trigger-${++channelCount}`;
	const { channel } = await api(ctx.sandbox, 'admin', 'POST', 'channels.create', {
		name,
		members: ['ivan.petrov'],
	});
	return channel as { _id: string; name: string };
}

const params = (roomId: string, options: INodeParameters = {}): INodeParameters => ({
	event: 'newChannelMessage',
	channel: { __rl: true, mode: 'id', value: roomId },
	options,
});

const ids = (items: IDataObject[]) => items.map((item) => item._id as string);

beforeEach(() => ctx.sandbox.clearRequests());

describe('Squadus Trigger: New Message in Channel', () => {
	it('emits nothing on the first poll and records the position with one request', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		sandbox.addMessages(channel._id, 3);
		sandbox.clearRequests();

		const trigger = poller(sandbox, params(channel._id));
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.result?.items).toBeNull();

		const requests = apiRequests(sandbox);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			path: '/api/v1/channels.messages',
			query: { roomId: channel._id, sort: '{"ts":-1}', offset: '0', count: '100' },
		});
		expect(trigger.staticData?.['node:Squadus Trigger']).toMatchObject({
			position: { key: `newChannelMessage:${channel._id}` },
		});
	});

	it('delivers every message exactly once across five polls, oldest first', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		sandbox.addMessages(channel._id, 2);
		const trigger = poller(sandbox, params(channel._id));
		await trigger.poll();

		const sent: string[] = [];
		const received: string[] = [];
		const arrivals = [3, 0, 1, 4, 0];
		for (const [round, count] of arrivals.entries()) {
			sent.push(
				...sandbox.addMessages(channel._id, count, { text: (i) => `round ${round} #${i}` }),
			);
			if (round === 3) {
				// a real message from another user, through the API
				const { message } = await api(sandbox, 'user', 'POST', 'chat.postMessage', {
					roomId: channel._id,
					text: 'from Ivan',
				});
				sent.push((message as IDataObject)._id as string);
			}
			received.push(...ids(await trigger.poll()));
		}
		expect(received).toEqual(sent);
		expect(new Set(received).size).toBe(received.length);
	});

	it('survives a restart: the serialised position emits nothing twice', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const first = poller(sandbox, params(channel._id));
		await first.poll();
		const [early] = sandbox.addMessages(channel._id, 1);
		expect(ids(await first.poll())).toEqual([early]);

		// n8n restarts: a new workflow object built from the stored (JSON) static data
		const stored = JSON.parse(JSON.stringify(first.staticData)) as IDataObject;
		const restarted = poller(sandbox, params(channel._id), 'admin', stored);
		expect(await restarted.poll()).toEqual([]);
		const [late] = sandbox.addMessages(channel._id, 1);
		expect(ids(await restarted.poll())).toEqual([late]);
	});

	it('emits a message that shows up late, stamped before the last poll, and only once', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const trigger = poller(sandbox, params(channel._id));
		await trigger.poll();
		const [onTime] = sandbox.addMessages(channel._id, 1);
		expect(ids(await trigger.poll())).toEqual([onTime]);
		const position = (trigger.staticData?.['node:Squadus Trigger'] as IDataObject)
			.position as IDataObject;

		// another server node stores a message with an older clock, after the poll saw a newer one
		const anna = sandbox.state.userByUsername('anna.smirnova')!;
		const late = sandbox.state.addMessage(channel._id, anna, { msg: 'sorry, my clock is slow' });
		late.ts = (position.ts as number) - 2000;
		sandbox.state.roomMessages.get(channel._id)!.sort((a, b) => a.ts - b.ts);

		expect(ids(await trigger.poll())).toEqual([late._id]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('costs one request per poll when nothing is new', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		sandbox.addMessages(channel._id, 150);
		const trigger = poller(sandbox, params(channel._id));
		await trigger.poll();
		sandbox.addMessages(channel._id, 1);
		await trigger.poll();

		sandbox.clearRequests();
		expect(await trigger.poll()).toEqual([]);
		expect(await trigger.poll()).toEqual([]);
		expect(apiRequests(sandbox).map((r) => r.path)).toEqual([
			'/api/v1/channels.messages',
			'/api/v1/channels.messages',
		]);
	});

	it('reads every page when more than 100 messages arrived, and emits each once', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const trigger = poller(sandbox, params(channel._id));
		await trigger.poll();
		const sent = sandbox.addMessages(channel._id, 250);
		sandbox.clearRequests();

		const received = ids(await trigger.poll());
		expect(received).toEqual(sent);
		const pages = apiRequests(sandbox).map((r) => r.query.offset);
		expect(pages).toEqual(['0', '100', '200']);
		expect(await trigger.poll()).toEqual([]);
	});

	it('replays the history on the first poll when asked to', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const history = sandbox.addMessages(channel._id, 120);
		const trigger = poller(sandbox, params(channel._id, { replayHistory: true }));

		expect(ids(await trigger.poll())).toEqual(history);
		expect(await trigger.poll()).toEqual([]);
	});

	it('applies Text Contains, and does not re-emit what it filtered out', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const trigger = poller(sandbox, params(channel._id, { textContains: 'INVOICE' }));
		await trigger.poll();
		const texts = ['lunch?', 'Invoice #12 is paid', 'the invoice for May', 'ok'];
		const sent = sandbox.addMessages(channel._id, texts.length, { text: (i) => texts[i] });

		expect(ids(await trigger.poll())).toEqual([sent[1], sent[2]]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('keeps system messages out unless Include System Messages is on', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const plain = poller(sandbox, params(channel._id));
		const all = poller(sandbox, params(channel._id, { includeSystemMessages: true }));
		await plain.poll();
		await all.poll();
		const admin = sandbox.state.userById(sandbox.fixtures.admin._id)!;
		const joined = sandbox.state.addMessage(channel._id, admin, { msg: 'ivan.petrov', t: 'uj' });
		const [text] = sandbox.addMessages(channel._id, 1);

		expect(ids(await plain.poll())).toEqual([text]);
		expect(ids(await all.poll())).toEqual([joined._id, text]);
	});

	it('watches a channel given by name', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const byName = {
			event: 'newChannelMessage',
			channel: { __rl: true, mode: 'name', value: `#${channel.name}` },
		};
		const trigger = poller(sandbox, byName);
		await trigger.poll();
		const [id] = sandbox.addMessages(channel._id, 1);
		expect(ids(await trigger.poll())).toEqual([id]);
		// Rocket.Chat's channels.messages takes only roomId: the name is looked up first
		const requests = apiRequests(sandbox);
		const last = requests.at(-1)!;
		expect(last.path).toBe('/api/v1/channels.messages');
		expect(last.query).toMatchObject({ roomId: channel._id });
		expect(last.query.roomName).toBeUndefined();
		expect(requests.at(-2)).toMatchObject({
			path: '/api/v1/channels.info',
			query: { roomName: channel.name },
		});
	});

	it('returns the latest message in a manual run and leaves the position alone', async () => {
		const { sandbox } = ctx;
		const channel = await newChannel();
		const sent = sandbox.addMessages(channel._id, 5);
		const result = await runPoll(triggerNode(params(channel._id)), {
			credentials: {
				[CREDENTIAL_NAME.accessToken]: credentialsFor(sandbox, 'admin', 'accessToken'),
			},
			manual: true,
		});
		expect(result.items?.map((item) => item.json._id)).toEqual([sent[4]]);
		expect(result.staticData).toEqual({});
	});

	it('fails with the server message for an unknown channel', async () => {
		const trigger = poller(ctx.sandbox, params('NoSuchRoom'));
		await expect(trigger.poll()).rejects.toMatchObject({
			name: 'NodeApiError',
			message: expect.stringMatching(/room/i),
		});
	});

	it('fails before any request when the channel is empty', async () => {
		const trigger = poller(ctx.sandbox, params(''));
		await expect(trigger.poll()).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'The parameter "Channel" is empty',
		});
		expect(apiRequests(ctx.sandbox)).toHaveLength(0);
	});
});
