import { useSandbox } from '../helpers';
import { byId, expectFailure, freshConference, runConference } from './setup';

const HOUR = 60 * 60 * 1000;

describe('Squadus Conference → Get Many', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	describe('in Room', () => {
		const path = '/api/v1/scc.getRoomConferences';

		it('sends the room, the filters and the limit, and returns the results', async () => {
			const { sandbox } = ctx;
			const { fixtures } = sandbox;
			const made = [1, 2, 3].map((n) =>
				freshConference(sandbox, {
					rid: fixtures.channels.random._id,
					name: `Random sync ${n}`,
					createdAt: Date.now() + n,
				}),
			);
			freshConference(sandbox, {
				rid: fixtures.channels.random._id,
				name: 'Other',
				status: 'ENDED',
			});
			const result = await runConference(sandbox, {
				operation: 'getManyInRoom',
				room: byId(fixtures.channels.random._id),
				returnAll: false,
				limit: 2,
				filters: {
					name: 'random sync',
					status: 'BOOKED',
					role: 'MODERATOR',
					sort: 'createdAt',
					sortOrder: 'asc',
					hasRecords: false,
					userId: fixtures.admin._id,
				},
			});

			const requests = sandbox.requests({ path });
			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].query).toEqual({
				rid: fixtures.channels.random._id,
				name: 'random sync',
				status: 'BOOKED',
				role: 'MODERATOR',
				sort: 'createdAt',
				sortOrder: 'asc',
				hasRecords: 'false',
				userId: fixtures.admin._id,
				offset: '0',
				count: '2',
			});
			expect(result.json.map((c) => c.number)).toEqual([made[0].number, made[1].number]);
			expect(result.json[0]).toMatchObject({
				id: made[0]._id,
				name: 'Random sync 1',
				status: 'BOOKED',
			});
		});

		it('returns all pages with Return All', async () => {
			const { sandbox } = ctx;
			const { fixtures, state } = sandbox;
			const room = state.createRoom({
				t: 'c',
				name: `many-${Date.now()}`,
				creator: state.userById(fixtures.admin._id)!,
			});
			for (let n = 0; n < 105; n++) freshConference(sandbox, { rid: room._id, name: `Bulk ${n}` });
			const result = await runConference(sandbox, {
				operation: 'getManyInRoom',
				room: byId(room._id),
				returnAll: true,
			});
			expect(sandbox.requests({ path }).map((r) => [r.query.offset, r.query.count])).toEqual([
				['0', '100'],
				['100', '100'],
			]);
			expect(result.json).toHaveLength(105);
		});

		it('surfaces the server message for an unknown room', async () => {
			const { sandbox } = ctx;
			await expectFailure(
				sandbox,
				{ operation: 'getManyInRoom', room: byId('NoSuchRoom12345678'), returnAll: true },
				/does not match any channel/,
			);
		});
	});

	describe('for User', () => {
		const path = '/api/v1/scc.getUserConferences';

		it('lists the conferences the user takes part in, filtered by room', async () => {
			const { sandbox } = ctx;
			const { fixtures } = sandbox;
			const mine = freshConference(sandbox, {
				creatorId: fixtures.user._id,
				rid: fixtures.channels.dev._id,
				name: 'Ivan’s call',
			});
			freshConference(sandbox, { rid: fixtures.channels.dev._id, name: 'Admin only' });
			const result = await runConference(
				sandbox,
				{
					operation: 'getManyForUser',
					returnAll: true,
					filters: { rid: fixtures.channels.dev._id },
				},
				{ as: 'user' },
			);
			expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
				{ rid: fixtures.channels.dev._id, offset: '0', count: '100' },
			]);
			expect(result.json.map((c) => c.number)).toEqual([mine.number]);
		});

		it('fails before any request on a bad limit', async () => {
			const { sandbox } = ctx;
			await expectFailure(
				sandbox,
				{ operation: 'getManyForUser', returnAll: false, limit: '={{ "ten" }}' },
				/The parameter "Limit" must be a whole number of 1 or more, not "ten"/,
			);
			expect(sandbox.requests({ path })).toEqual([]);
		});
	});

	describe('in My Rooms', () => {
		const path = '/api/v1/scc.getUserRoomsConferences';

		it('sends Started After as ISO 8601 and returns the conferences started since', async () => {
			const { sandbox } = ctx;
			const { fixtures } = sandbox;
			const now = Date.now();
			const recent = freshConference(sandbox, {
				rid: fixtures.channels.general._id,
				status: 'STARTED',
				started: now - HOUR,
			});
			freshConference(sandbox, {
				rid: fixtures.channels.general._id,
				status: 'STARTED',
				started: now - 5 * HOUR,
			});
			const after = new Date(now - 2 * HOUR);
			const result = await runConference(
				sandbox,
				{
					operation: 'getManyInMyRooms',
					returnAll: true,
					filters: {
						startedAfter: after.getTime(),
						status: 'STARTED',
						sort: 'started',
						sortOrder: 'desc',
					},
				},
				{ as: 'user' },
			);
			expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
				{
					startedAfter: after.toISOString(),
					status: 'STARTED',
					sort: 'started',
					sortOrder: 'desc',
					offset: '0',
					count: '100',
				},
			]);
			expect(result.json.map((c) => c.number)).toEqual([recent.number]);
		});

		it('fails before any request on a Started After that is not a date', async () => {
			const { sandbox } = ctx;
			await expectFailure(
				sandbox,
				{
					operation: 'getManyInMyRooms',
					returnAll: true,
					filters: { startedAfter: 'yesterday-ish' },
				},
				'The parameter "Started After" is not a date and time',
			);
			expect(sandbox.requests({ path })).toEqual([]);
		});
	});
});
