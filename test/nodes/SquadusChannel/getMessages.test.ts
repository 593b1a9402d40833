import { useSandbox } from '../helpers';
import { byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Get Messages', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.messages';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('pages through 1,050 messages in 11 requests with Return All', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const ids = sandbox.addMessages(channel._id, 1050);
		const result = await runChannel(sandbox, {
			operation: 'getMessages',
			channel: byId(channel._id),
			returnAll: true,
		});

		expect(result.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(11);
		expect(requests.map((r) => r.method)).toEqual(Array(11).fill('GET'));
		expect(requests.map((r) => r.query.offset)).toEqual(
			Array.from({ length: 11 }, (_, page) => String(page * 100)),
		);
		requests.forEach((r) => expect(r.query).toMatchObject({ roomId: channel._id, count: '100' }));
		expect(result.json).toHaveLength(1050);
		expect(new Set(result.json.map((message) => message._id))).toEqual(new Set(ids));
	});

	it('returns 120 messages in 2 requests with Limit 120', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		sandbox.addMessages(channel._id, 1050);
		const result = await runChannel(sandbox, {
			operation: 'getMessages',
			channel: byId(channel._id),
			returnAll: false,
			limit: 120,
		});

		expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
			{ roomId: channel._id, offset: '0', count: '100' },
			{ roomId: channel._id, offset: '100', count: '20' },
		]);
		expect(result.json).toHaveLength(120);
		expect(new Set(result.json.map((message) => message._id)).size).toBe(120);
	});

	it('sorts, queries and keeps only pinned messages on the server', async () => {
		const { sandbox } = ctx;
		const { state, fixtures } = sandbox;
		const channel = freshChannel(sandbox);
		const admin = state.userById(fixtures.admin._id)!;
		const first = state.addMessage(channel._id, admin, { msg: 'report one', pinned: true });
		state.addMessage(channel._id, admin, { msg: 'chatter' });
		const third = state.addMessage(channel._id, admin, { msg: 'report two', pinned: true });
		state.addMessage(channel._id, admin, { msg: 'report three' });

		const result = await runChannel(sandbox, {
			operation: 'getMessages',
			channel: byName(channel.name),
			returnAll: true,
			filters: {
				query: '{"msg": {"$regex": "^report"}}',
				onlyPinned: true,
				sortBy: 'ts',
				sortDirection: 'asc',
			},
		});

		// Rocket.Chat's channels.messages takes only roomId: the name is looked up first
		const [lookup] = sandbox.requests({ path: '/api/v1/channels.info' });
		expect(lookup.query).toEqual({ roomName: channel.name });
		const [request] = sandbox.requests({ path });
		expect(request.query.roomId).toBe(channel._id);
		expect(request.query.roomName).toBeUndefined();
		expect(JSON.parse(request.query.query)).toEqual({ msg: { $regex: '^report' }, pinned: true });
		expect(JSON.parse(request.query.sort)).toEqual({ ts: 1 });
		expect(result.json.map((message) => message._id)).toEqual([first._id, third._id]);
	});

	it('keeps only starred messages', async () => {
		const { sandbox } = ctx;
		const { state, fixtures } = sandbox;
		const channel = freshChannel(sandbox);
		const admin = state.userById(fixtures.admin._id)!;
		state.addMessage(channel._id, admin, { msg: 'plain' });
		const starred = state.addMessage(channel._id, admin, {
			msg: 'starred',
			starredBy: [fixtures.user._id],
		});

		const result = await runChannel(sandbox, {
			operation: 'getMessages',
			channel: byId(channel._id),
			returnAll: true,
			filters: { onlyStarred: true },
		});
		expect(JSON.parse(sandbox.requests({ path })[0].query.query)).toEqual({
			'starred._id': { $exists: true },
		});
		expect(result.json.map((message) => message._id)).toEqual([starred._id]);
	});

	it('rejects an invalid query JSON before any request', async () => {
		const { sandbox } = ctx;
		const channel = freshChannel(sandbox);
		const run = await expectFailure(
			sandbox,
			{
				operation: 'getMessages',
				channel: byId(channel._id),
				returnAll: true,
				filters: { query: '{msg: ' },
			},
			'The parameter "Query (JSON)" is not valid JSON',
		);
		expect(run.nodeError?.name).toBe('NodeOperationError');
		await expectFailure(
			sandbox,
			{
				operation: 'getMessages',
				channel: byId(channel._id),
				returnAll: true,
				filters: { query: '[1, 2]' },
			},
			'The parameter "Query (JSON)" must be a JSON object',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getMessages', channel: byId('missing-room'), returnAll: true },
			'does not match any channel [error-room-not-found]',
		);
	});
});
