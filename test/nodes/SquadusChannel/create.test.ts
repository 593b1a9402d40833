import { batching, expectBatchedInOrder } from '../batching';
import { useSandbox } from '../helpers';
import { EMPTY, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Create', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.create';
	beforeEach(() => ctx.sandbox.clearRequests());

	const uniqueName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

	it('with Batching, creates 20 channels 5 at a time: each once, output in input order', async () => {
		const names = Array.from({ length: 20 }, (_, n) => uniqueName(`batch${n}`));
		await expectBatchedInOrder(ctx.sandbox, {
			node: 'squadusChannel',
			parameters: { operation: 'create', name: '={{ $json.name }}', options: batching(5) },
			batchSize: 5,
			input: names.map((name) => ({ name })),
			path,
			sent: (request) => request.body.name,
			output: (json) => json.name,
			expected: names,
		});
	});

	it('creates a channel with members and read-only, and returns the channel', async () => {
		const { sandbox } = ctx;
		const name = uniqueName('project');
		const { fixtures } = sandbox;
		const result = await runChannel(sandbox, {
			operation: 'create',
			name,
			additionalFields: {
				members: ` ${fixtures.user.username}, @${fixtures.bot.username} `,
				readOnly: true,
				userId: fixtures.admin._id,
			},
		});

		expect(result.nodeError).toBeUndefined();
		const [request] = sandbox.requests({ path });
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			name,
			members: [fixtures.user.username, fixtures.bot.username],
			readOnly: true,
			userId: fixtures.admin._id,
		});
		// Rocket.Chat (8.x, the sandbox's default dialect) refuses the manual's userId as an
		// additional property: the channel is then created without it
		const requests = sandbox.requests({ path });
		expect(requests.map((r) => r.status)).toEqual([400, 200]);
		expect(requests[0].body).toEqual(request.body);
		expect(requests[1].body).toEqual({
			name,
			members: [fixtures.user.username, fixtures.bot.username],
			readOnly: true,
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ name, t: 'c', ro: true, usersCount: 3 });
		const room = sandbox.state.roomByName(name);
		expect(result.json[0]._id).toBe(room?._id);
		expect(sandbox.state.subscription(room!._id, fixtures.user._id)).toBeDefined();
	});

	it("sends the manual's userId once where the server takes it (manual dialect)", async () => {
		const { sandbox } = ctx;
		const name = uniqueName('for-user');
		sandbox.configure({ dialect: 'manual' });
		try {
			const result = await runChannel(sandbox, {
				operation: 'create',
				name,
				additionalFields: { userId: sandbox.fixtures.admin._id },
			});
			expect(result.nodeError).toBeUndefined();
			const requests = sandbox.requests({ path });
			expect(requests.map((r) => [r.status, r.body])).toEqual([
				[200, { name, userId: sandbox.fixtures.admin._id }],
			]);
			expect(result.json[0]).toMatchObject({ name });
		} finally {
			sandbox.configure({ dialect: 'rocketchat' });
		}
	});

	it('sends only the name when no additional field is set, stripping a leading #', async () => {
		const { sandbox } = ctx;
		const name = uniqueName('plain');
		const result = await runChannel(sandbox, { operation: 'create', name: `#${name}` });

		expect(sandbox.requests({ path }).map((r) => r.body)).toEqual([{ name }]);
		expect(result.json[0]).toMatchObject({ name, ro: false, usersCount: 1 });
	});

	it('accepts members as a list from an expression and teams by name', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const teamRoom = freshChannel(sandbox, { memberIds: [fixtures.bot._id] });
		const teamName = `team-${teamRoom.name}`;
		state.teams.set('team-for-create', {
			_id: 'team-for-create',
			name: teamName,
			type: 0,
			roomId: teamRoom._id,
			createdBy: { _id: fixtures.admin._id, username: fixtures.admin.username },
			createdAt: Date.now(),
			updatedAt: Date.now(),
		});
		const name = uniqueName('from-expression');
		const result = await runChannel(sandbox, {
			operation: 'create',
			name,
			additionalFields: { members: `={{ ["${fixtures.user.username}"] }}`, teams: teamName },
		});

		expect(sandbox.requests({ path })[0].body).toEqual({
			name,
			members: [fixtures.user.username],
			teams: [teamName],
		});
		const roomId = result.json[0]._id as string;
		expect(state.subscription(roomId, fixtures.user._id)).toBeDefined();
		expect(state.subscription(roomId, fixtures.bot._id)).toBeDefined();
	});

	it('rejects a name with spaces before any request', async () => {
		const { sandbox } = ctx;
		const run = await expectFailure(
			sandbox,
			{ operation: 'create', name: 'my new channel' },
			/The parameter "Name" cannot contain spaces/,
		);
		expect(run.nodeError?.name).toBe('NodeOperationError');
		expect(sandbox.requests()).toEqual([]);
	});

	it('rejects an empty name and a member with a space before any request', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'create', name: EMPTY },
			/The parameter "Name" is empty/,
		);
		await expectFailure(
			sandbox,
			{ operation: 'create', name: 'fine-name', additionalFields: { members: 'ivan petrov' } },
			/The parameter "Members" contains "ivan petrov"/,
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for a duplicate channel name', async () => {
		const { sandbox } = ctx;
		const existing = sandbox.fixtures.channels.general.name;
		const run = await expectFailure(
			sandbox,
			{ operation: 'create', name: existing },
			`A channel with name '${existing}' exists [error-duplicate-channel-name]`,
		);
		expect(run.nodeError?.name).toBe('NodeApiError');
		expect(sandbox.requests({ path })).toHaveLength(3);
	});
});
