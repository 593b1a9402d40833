import { presentRoom } from '../../sandbox/present';
import { batching, expectBatchedInOrder } from '../batching';
import { useSandbox } from '../helpers';
import { errorItem, nodeRunner } from '../SquadusChat/setup';

const ctx = useSandbox();
const { run, apiCalls } = nodeRunner(ctx, 'squadusDirectMessage');

describe('Squadus Direct Message: Create', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	const create = (usernames: string) => ({ operation: 'create', usernames });
	/** The room as the server presents it, with the `rid` dm.create adds. */
	const stored = (id: unknown) => {
		const room = ctx.sandbox.state.rooms.get(String(id));
		if (!room) throw new Error(`room ${String(id)} does not exist`);
		return { ...presentRoom(ctx.sandbox.state, room), rid: room._id };
	};

	it('opens a direct message with one user: POST /dm.create {usernames}, outputs the room', async () => {
		const result = await run(create('ivan.petrov'));

		const [request] = ctx.sandbox.requests({ path: '/api/v1/dm.create' });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ usernames: 'ivan.petrov' });
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toEqual(stored(result.json[0]._id));
		expect(result.json[0]).toMatchObject({ t: 'd', usernames: ['admin', 'ivan.petrov'] });
		expect(result.json[0].rid).toBe(result.json[0]._id);
		expect(result.json[0]).not.toHaveProperty('success');
		expect(result.outputs.Squadus[0].pairedItem).toEqual({ item: 0 });
	});

	it('opens a group direct message with several users (spaces and @ removed)', async () => {
		const result = await run(create(' ivan.petrov, @anna.smirnova ,petr.sidorov'));

		expect(apiCalls()[0].body).toEqual({ usernames: 'ivan.petrov,anna.smirnova,petr.sidorov' });
		expect(result.json[0]).toEqual(stored(result.json[0]._id));
		expect(result.json[0]).toMatchObject({
			t: 'd',
			usernames: ['admin', 'anna.smirnova', 'ivan.petrov', 'petr.sidorov'],
		});
	});

	it('runs with a personal access token', async () => {
		const result = await run(create('anna.smirnova'), { auth: 'accessToken', as: 'user' });

		expect(ctx.sandbox.requests({ path: '/api/v1/login' })).toHaveLength(0);
		expect(apiCalls()[0].headers['x-user-id']).toBe(ctx.sandbox.fixtures.user._id);
		expect(result.json[0]).toMatchObject({ t: 'd', usernames: ['anna.smirnova', 'ivan.petrov'] });
	});

	it.each([
		['resolve to nothing', '={{ $json.none }}', 'The parameter "Usernames" is empty'],
		['hold only commas', ' , ,', 'The parameter "Usernames" is empty'],
		[
			'hold a name with a space',
			'ivan.petrov, anna smirnova',
			'The parameter "Usernames" contains "anna smirnova", which is not a username',
		],
	])('fails before any request when the usernames %s', async (_name, usernames, message) => {
		const result = await run(create(usernames));

		expect(result.nodeError?.name).toBe('NodeOperationError');
		expect(result.nodeError?.message).toBe(message);
		expect(result.nodeError?.description).toBeTruthy();
		expect(apiCalls()).toEqual([]);
	});

	it('surfaces the server’s message for an unknown user', async () => {
		const before = ctx.sandbox.state.rooms.size;
		const result = await run(create('ivan.petrov, no.such.user'));

		expect(apiCalls()[0].body).toEqual({ usernames: 'ivan.petrov,no.such.user' });
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('Invalid user [error-invalid-user]');
		expect(ctx.sandbox.state.rooms.size).toBe(before);
	});

	it('with Continue On Fail: one item per input item, with pairedItem', async () => {
		const result = await run(create('={{ $json.names }}'), {
			input: [{ names: 'no.such.user' }, { names: '' }, { names: 'petr.sidorov' }],
			continueOnFail: true,
		});

		expect(ctx.sandbox.requests({ path: '/api/v1/dm.create' }).map((r) => r.body)).toEqual([
			{ usernames: 'no.such.user' },
			{ usernames: 'petr.sidorov' },
		]);
		expect(result.json).toHaveLength(3);
		expect(result.json[0]).toEqual(errorItem('Invalid user [error-invalid-user]'));
		expect(result.json[1]).toEqual(errorItem('The parameter "Usernames" is empty'));
		expect(result.json[2]).toMatchObject({ t: 'd', usernames: ['admin', 'petr.sidorov'] });
		expect(result.outputs.Squadus.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});

describe('Squadus Direct Message: Batching', () => {
	beforeEach(() => ctx.sandbox.clearRequests());

	it('opens 20 direct messages 5 at a time: each request once, output in input order', async () => {
		const { sandbox } = ctx;
		const usernames = Array.from(
			{ length: 20 },
			(_, n) =>
				sandbox.createUser({ username: `dm.batch${n}`, password: `Dm-batch-${n}!` }).username,
		);
		await expectBatchedInOrder(sandbox, {
			node: 'squadusDirectMessage',
			parameters: { operation: 'create', usernames: '={{ $json.username }}', options: batching(5) },
			batchSize: 5,
			input: usernames.map((username) => ({ username })),
			path: '/api/v1/dm.create',
			sent: (request) => request.body.usernames,
			output: (json) => (json.usernames as string[]).find((name) => name !== 'admin'),
			expected: usernames,
		});
	});
});
