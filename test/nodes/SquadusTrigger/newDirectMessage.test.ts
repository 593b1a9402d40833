import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../helpers';
import { api, apiRequests, poller } from './setup';

const ctx = useSandbox();

const params = (options: INodeParameters = {}): INodeParameters => ({
	event: 'newDirectMessage',
	options,
});
const ids = (items: IDataObject[]) => items.map((item) => item._id as string);

/** `from` writes `text` to the admin in a direct message; returns the message id. */
async function writeToAdmin(from: 'user' | 'bot', text: string): Promise<string> {
	const { message } = await api(ctx.sandbox, from, 'POST', 'chat.postMessage', {
		channel: '@admin',
		text,
	});
	return (message as IDataObject)._id as string;
}

async function adminWrites(to: string, text: string): Promise<string> {
	const { message } = await api(ctx.sandbox, 'admin', 'POST', 'chat.postMessage', {
		channel: `@${to}`,
		text,
	});
	return (message as IDataObject)._id as string;
}

beforeEach(() => ctx.sandbox.clearRequests());

describe('Squadus Trigger: New Direct Message', () => {
	it('emits each message written to the user once, across direct messages and polls', async () => {
		const { sandbox } = ctx;
		await writeToAdmin('user', 'before activation');
		const trigger = poller(sandbox, params());
		sandbox.clearRequests();
		expect(await trigger.poll()).toEqual([]);
		// the first poll reads the direct messages active in the last seconds, to remember them
		expect(apiRequests(sandbox)).toMatchObject([
			{ method: 'GET', path: '/api/v1/im.list', query: { sort: '{"lm":-1}', count: '100' } },
			{ method: 'GET', path: '/api/v1/im.messages', query: { sort: '{"ts":-1}', count: '100' } },
		]);

		const first = [await writeToAdmin('user', 'hi'), await writeToAdmin('bot', 'build #7 failed')];
		await adminWrites('ivan.petrov', 'my own reply');
		first.push(await writeToAdmin('user', 'are you there?'));
		const received = await trigger.poll();
		expect(ids(received)).toEqual(first);
		expect(received[0]).toMatchObject({ msg: 'hi', u: { username: 'ivan.petrov' } });

		expect(await trigger.poll()).toEqual([]);
		const [later] = [await writeToAdmin('bot', 'build #8 passed')];
		expect(ids(await trigger.poll())).toEqual([later]);
	});

	it('costs one request per poll when nothing is new', async () => {
		const { sandbox } = ctx;
		const trigger = poller(sandbox, params());
		await trigger.poll();
		await writeToAdmin('user', 'one');
		await trigger.poll();

		sandbox.clearRequests();
		await trigger.poll();
		await trigger.poll();
		expect(apiRequests(sandbox).map((r) => r.path)).toEqual(['/api/v1/im.list', '/api/v1/im.list']);
	});

	it('includes the user’s own messages when asked to', async () => {
		const trigger = poller(ctx.sandbox, params({ includeOwnMessages: true }));
		await trigger.poll();
		const mine = await adminWrites('notify.bot', 'ping');
		const theirs = await writeToAdmin('bot', 'pong');
		expect(ids(await trigger.poll())).toEqual([mine, theirs]);
	});

	it('reads every page of a busy direct message and emits each message once', async () => {
		const { sandbox } = ctx;
		const trigger = poller(sandbox, params());
		await trigger.poll();
		// addMessages stamps its messages 1 ms apart, ending now: let them all come after this poll
		await new Promise((resolve) => setTimeout(resolve, 300));
		const { room } = await api(sandbox, 'user', 'POST', 'dm.create', { usernames: 'admin' });
		const sent = sandbox.addMessages((room as IDataObject)._id as string, 230, {
			userId: sandbox.fixtures.user._id,
		});
		sandbox.clearRequests();

		expect(ids(await trigger.poll())).toEqual(sent);
		expect(apiRequests(sandbox).filter((r) => r.path === '/api/v1/im.messages')).toHaveLength(3);
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits a message that shows up late, stamped before the last poll', async () => {
		const { sandbox } = ctx;
		const trigger = poller(sandbox, params());
		await trigger.poll();
		await writeToAdmin('user', 'on time');
		await trigger.poll();
		const position = (trigger.staticData?.['node:Squadus Trigger'] as IDataObject)
			.position as IDataObject;

		// another server node stores a message in a quiet direct message, with an older clock
		const anna = sandbox.state.userByUsername('anna.smirnova')!;
		const admin = sandbox.state.userById(sandbox.fixtures.admin._id)!;
		const room = sandbox.state.createDirectRoom([admin, anna]);
		const late = sandbox.state.addMessage(room._id, anna, { msg: 'sorry, my clock is slow' });
		late.ts = (position.ts as number) - 2000;

		expect(ids(await trigger.poll())).toEqual([late._id]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('survives a restart with the serialised position', async () => {
		const { sandbox } = ctx;
		const trigger = poller(sandbox, params());
		await trigger.poll();
		const id = await writeToAdmin('user', 'before restart');
		expect(ids(await trigger.poll())).toEqual([id]);
		const restarted = poller(
			sandbox,
			params(),
			'admin',
			JSON.parse(JSON.stringify(trigger.staticData)),
		);
		expect(await restarted.poll()).toEqual([]);
	});
});
