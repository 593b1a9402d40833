// Every loop ends: Return All against a server that ignores offset (with a huge total), one that
// sends full pages of new items without total forever, and a Limit against the first one.
import { MAX_PAGES } from '../../../nodes/shared/transport/paginate';
import { AUTHS, measure, runHostile, useHostile } from './run';
import { answerLogin, json, type HostileServer } from './server';

/** The test server gives up after this many pages, so the code before the fix ends too. */
const SERVER_GIVES_UP = 5000;

let server: HostileServer;
useHostile('Hostile servers, loops (requests = pages asked for):', (started) => (server = started));

const channels = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		_id: `c${from + i}`,
		name: `channel-${from + i}`,
		t: 'c',
	}));

function pages(answer: (offset: number, count: number, page: number) => object) {
	let page = 0;
	return (request: import('./server').Received, res: import('http').ServerResponse) => {
		if (answerLogin(request, res)) return;
		if (request.path !== '/api/v1/channels.list') return;
		page++;
		if (page > SERVER_GIVES_UP) return json(res, 200, { success: true, channels: [], total: 0 });
		json(res, 200, {
			success: true,
			...answer(Number(request.query.get('offset')), Number(request.query.get('count')), page),
		});
	};
}

const getMany = (extra: object) => ({ operation: 'getAll', filters: {}, options: {}, ...extra });
const ids = (items: Array<{ _id?: unknown }>) => items.map((item) => item._id);

describe.each(AUTHS)('with the %s credential', (auth) => {
	it('Return All against a server that ignores offset and reports a huge total ends, without duplicates', async () => {
		server.scenario = pages((_offset, count) => ({
			channels: channels(0, count),
			total: 1e9,
			offset: 0,
			count,
		}));
		const started = Date.now();
		const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: true }), { auth });
		measure(
			`ignored offset, total 1e9, Return All (${auth})`,
			server.calls().length,
			started,
			`${run.json.length} items, ${run.json.length - new Set(ids(run.json)).size} duplicates`,
		);
		expect(run.nodeError).toBeUndefined();
		expect(ids(run.json)).toEqual(ids(channels(0, 100)));
		expect(server.calls()).toHaveLength(2);
		const hints = run.run.data.resultData.runData.Squadus?.[0]?.hints ?? [];
		expect(hints.map((hint) => hint.message).join('\n')).toMatch(
			/only items it had already sent \(it may ignore offset\), so the list stopped at 100 items/,
		);
		// on the node's output, where the user sees it
		expect(hints).toContainEqual(expect.objectContaining({ type: 'warning', location: 'outputPane' }));
	});

	it('a Limit against a server that ignores offset yields no duplicate', async () => {
		server.scenario = pages((_offset, count) => ({ channels: channels(0, count), total: 1e9 }));
		const started = Date.now();
		const run = await runHostile(
			server,
			'squadusChannel',
			getMany({ returnAll: false, limit: 150 }),
			{ auth },
		);
		measure(
			`ignored offset, Limit 150 (${auth})`,
			server.calls().length,
			started,
			`${run.json.length} items, ${run.json.length - new Set(ids(run.json)).size} duplicates`,
		);
		expect(new Set(ids(run.json)).size).toBe(run.json.length);
		expect(ids(run.json)).toEqual(ids(channels(0, 100)));
	});
});

it('Return All against full pages of new items without total stops at the hard cap and says so', async () => {
	server.scenario = pages((offset, count) => ({ channels: channels(offset, count) }));
	const started = Date.now();
	const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: true }), {
		auth: 'accessToken',
	});
	measure(
		'full pages without total, Return All',
		server.calls().length,
		started,
		run.nodeError ? 'error' : `${run.json.length} items`,
	);
	expect(run.nodeError!.message).toBe(
		`Return All stopped after ${MAX_PAGES} pages (${MAX_PAGES * 100} items): Squadus kept sending more`,
	);
	expect(server.calls()).toHaveLength(MAX_PAGES);
}, 300_000);

it('Return All against a server that sends no total ends at its first short page, with no request after it', async () => {
	server.scenario = pages((offset, count) => ({
		channels: channels(offset, Math.max(0, Math.min(count, 230 - offset))),
	}));
	const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: true }), {
		auth: 'accessToken',
	});
	expect(run.nodeError).toBeUndefined();
	expect(ids(run.json)).toEqual(ids(channels(0, 230)));
	expect(server.calls().map((call) => call.query.get('offset'))).toEqual(['0', '100', '200']);
});

it('Return All stops at an empty page even when total says more (items removed while paging)', async () => {
	// total was counted before 170 of the 300 channels were deleted: the second page is short
	// (the server caps nothing here), the third empty.
	server.scenario = pages((offset, count) => ({
		channels: channels(offset, Math.max(0, Math.min(count, 130 - offset))),
		total: 300,
	}));
	const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: true }), {
		auth: 'accessToken',
	});
	expect(run.nodeError).toBeUndefined();
	expect(ids(run.json)).toEqual(ids(channels(0, 130)));
	expect(server.calls().map((call) => call.query.get('offset'))).toEqual(['0', '100', '130']);
});

it('a Limit against a server that ignores count yields exactly the Limit, from one request', async () => {
	// asked for 30, the server sends a full page of 100
	server.scenario = pages((offset) => ({ channels: channels(offset, 100), total: 1000 }));
	const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: false, limit: 30 }), {
		auth: 'accessToken',
	});
	expect(run.nodeError).toBeUndefined();
	expect(ids(run.json)).toEqual(ids(channels(0, 30)));
	expect(server.calls().map((call) => call.query.get('count'))).toEqual(['30']);
});

it('items without an _id are told apart by their content: each kept once, repeats ended', async () => {
	const untagged = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => ({ name: `channel-${from + i}`, t: 'c' }));
	server.scenario = pages((offset, count) => ({
		channels: untagged(0, Math.min(count, 3)), // ignores offset, like the first pages loop
		total: 1e9,
	}));
	const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: true }), {
		auth: 'accessToken',
	});
	expect(run.nodeError).toBeUndefined();
	expect(run.json.map((item) => item.name)).toEqual(['channel-0', 'channel-1', 'channel-2']);
	expect(server.calls()).toHaveLength(2);
});

it("an _id never stands for another item's content: one whose _id reads like an item's content is kept beside it", async () => {
	const plain = { name: 'channel-0', t: 'c' };
	// an _id that spells what the untagged item is told apart by, were ids and contents not kept apart
	const lookalike = { _id: `json:${JSON.stringify(plain)}`, name: 'channel-1', t: 'c' };
	server.scenario = pages(() => ({ channels: [lookalike, plain], total: 2 }));
	const run = await runHostile(server, 'squadusChannel', getMany({ returnAll: true }), {
		auth: 'accessToken',
	});
	expect(run.nodeError).toBeUndefined();
	expect(run.json.map((item) => item.name)).toEqual(['channel-1', 'channel-0']);
});
