import { useSandbox } from '../helpers';
import { EMPTY, byId, byName, expectFailure, freshChannel, runChannel } from './setup';

describe('Squadus Channel → Get Members', () => {
	const ctx = useSandbox();
	const path = '/api/v1/channels.members';
	beforeEach(() => ctx.sandbox.clearRequests());

	const channelWithMembers = () => {
		const { fixtures } = ctx.sandbox;
		return freshChannel(ctx.sandbox, { memberIds: [fixtures.user._id, fixtures.bot._id] });
	};

	it('returns every member with Return All', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const channel = channelWithMembers();
		const result = await runChannel(sandbox, {
			operation: 'getMembers',
			channel: byId(channel._id),
			returnAll: true,
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ roomId: channel._id, offset: '0', count: '100' });
		expect(result.json.map((member) => member._id).sort()).toEqual(
			[fixtures.admin._id, fixtures.user._id, fixtures.bot._id].sort(),
		);
	});

	it('finds the channel by name and sends the Limit', async () => {
		const { sandbox } = ctx;
		const channel = channelWithMembers();
		const result = await runChannel(sandbox, {
			operation: 'getMembers',
			channel: byName(channel.name),
			returnAll: false,
			limit: 2,
		});

		expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
			{ roomName: channel.name, offset: '0', count: '2' },
		]);
		expect(result.json).toHaveLength(2);
	});

	it('filters by status, text and user IDs on the server', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const channel = channelWithMembers();
		state.userById(fixtures.user._id)!.status = 'away';
		state.userById(fixtures.bot._id)!.status = 'busy';

		const byStatus = await runChannel(sandbox, {
			operation: 'getMembers',
			channel: byId(channel._id),
			returnAll: true,
			filters: { status: ['away', 'busy'] },
		});
		expect(byStatus.json.map((member) => member._id).sort()).toEqual(
			[fixtures.user._id, fixtures.bot._id].sort(),
		);

		const byText = await runChannel(sandbox, {
			operation: 'getMembers',
			channel: byId(channel._id),
			returnAll: true,
			filters: { filter: fixtures.user.username.slice(0, 4) },
		});
		expect(byText.json.map((member) => member.username)).toEqual([fixtures.user.username]);

		const byIds = await runChannel(sandbox, {
			operation: 'getMembers',
			channel: byId(channel._id),
			returnAll: true,
			filters: { ids: `${fixtures.admin._id}, ${fixtures.bot._id}` },
		});
		expect(byIds.json.map((member) => member._id).sort()).toEqual(
			[fixtures.admin._id, fixtures.bot._id].sort(),
		);

		const requests = sandbox.requests({ path });
		// statuses as an array, as Rocket.Chat's Match check requires
		expect(requests[0].queryParams.status).toEqual(['away', 'busy']);
		expect(requests[1].query).toMatchObject({ filter: fixtures.user.username.slice(0, 4) });
		// the manual's ids, refused by the (default) Rocket.Chat dialect as an additional
		// property; then all members are read and picked by ID in the node
		expect(requests[2].query).toMatchObject({ ids: `${fixtures.admin._id},${fixtures.bot._id}` });
		expect(requests[2].status).toBe(400);
		expect(requests.slice(3).map((r) => [r.status, r.query.ids])).toEqual([[200, undefined]]);
	});

	it("sends the manual's ids once, and only that request, where the server takes them", async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const channel = sandbox.fixtures.channels.general;
		sandbox.configure({ dialect: 'manual' });
		try {
			const byIds = await runChannel(sandbox, {
				operation: 'getMembers',
				channel: byId(channel._id),
				returnAll: false,
				limit: 1,
				filters: { ids: `${fixtures.bot._id}` },
			});
			expect(byIds.json.map((member) => member._id)).toEqual([fixtures.bot._id]);
			const requests = sandbox.requests({ path });
			expect(requests.map((r) => [r.status, r.query.ids])).toEqual([[200, fixtures.bot._id]]);
		} finally {
			sandbox.configure({ dialect: 'rocketchat' });
		}
	});

	it('keeps Limit when the IDs are picked in the node (Rocket.Chat dialect)', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const result = await runChannel(sandbox, {
			operation: 'getMembers',
			channel: byId(fixtures.channels.general._id),
			returnAll: false,
			limit: 1,
			filters: { ids: `${fixtures.admin._id}, ${fixtures.bot._id}` },
		});
		expect(result.json).toHaveLength(1);
		expect([fixtures.admin._id, fixtures.bot._id]).toContain(result.json[0]._id);
	});

	it('fails before any request when the channel is missing', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getMembers', channel: byName(EMPTY), returnAll: true },
			'The parameter "Channel" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown channel', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getMembers', channel: byName('no-such-channel'), returnAll: true },
			'does not match any channel [error-room-not-found]',
		);
	});
});
