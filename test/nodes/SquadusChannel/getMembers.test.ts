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

		const queries = sandbox.requests({ path }).map((r) => r.query);
		expect(queries[0]).toMatchObject({ status: 'away,busy' });
		expect(queries[1]).toMatchObject({ filter: fixtures.user.username.slice(0, 4) });
		expect(queries[2]).toMatchObject({ ids: `${fixtures.admin._id},${fixtures.bot._id}` });
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
