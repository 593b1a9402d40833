import { useSandbox } from '../helpers';
import { byNumber, expectFailure, freshConference, runConference } from './setup';

describe('Squadus Conference → Get Full', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.getFullConferenceInfo';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('returns the conference with its participants filtered by status', async () => {
		const { sandbox } = ctx;
		const { conference } = sandbox.fixtures;
		const result = await runConference(sandbox, {
			operation: 'getFull',
			conference: byNumber(conference.number),
			returnAll: true,
			filters: { filter: 'not answered' },
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toEqual({
			conferenceNumber: conference.number,
			filter: 'not answered',
			offset: '0',
			count: '100',
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ number: conference.number, participantsCount: 1 });
		expect(result.json[0].participants).toEqual([
			expect.objectContaining({ username: 'maria.ivanova', conferenceStatus: 'NOT_ANSWERED' }),
		]);
	});

	it('pages through the participants up to the limit, sending the limit as count', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const ids = Array.from(
			{ length: 130 },
			(_, n) =>
				sandbox.createUser({
					username: `guest.user${n}`,
					password: 'Guest-pass-1',
					name: `Guest ${n}`,
				})._id,
		);
		const conference = freshConference(sandbox);
		for (const userId of ids)
			conference.participants.set(userId, {
				userId,
				role: 'USER',
				status: 'NOT_ANSWERED',
				invited: true,
			});

		const limited = await runConference(sandbox, {
			operation: 'getFull',
			conference: byNumber(conference.number),
			returnAll: false,
			limit: 5,
		});
		expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
			{ conferenceNumber: conference.number, offset: '0', count: '5' },
		]);
		expect(limited.json[0].participants).toHaveLength(5);

		sandbox.clearRequests();
		const all = await runConference(sandbox, {
			operation: 'getFull',
			conference: byNumber(conference.number),
			returnAll: true,
			filters: { username: '@guest.user1' },
		});
		// guest.user1, guest.user10–19, guest.user100–129 = 41, on one page
		expect(sandbox.requests({ path }).map((r) => r.query)).toEqual([
			{ conferenceNumber: conference.number, username: 'guest.user1', offset: '0', count: '100' },
		]);
		expect(all.json[0].participants).toHaveLength(41);

		sandbox.clearRequests();
		const everyone = await runConference(sandbox, {
			operation: 'getFull',
			conference: byNumber(conference.number),
			returnAll: true,
		});
		expect(sandbox.requests({ path }).map((r) => r.query.offset)).toEqual(['0', '100']);
		const participants = everyone.json[0].participants as Array<{ _id: string }>;
		expect(participants).toHaveLength(131);
		expect(new Set(participants.map((p) => p._id)).size).toBe(131);
		expect(participants.map((p) => p._id)).toEqual(
			expect.arrayContaining([fixtures.admin._id, ...ids]),
		);
	});

	it('surfaces the server message for an unknown conference', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getFull', conference: byNumber('1000000003'), returnAll: true },
			'Conference not found [error-conference-not-found]',
		);
	});

	it('surfaces "Not allowed" for a user who cannot see the conference', async () => {
		const { sandbox } = ctx;
		const { state, fixtures } = sandbox;
		const creator = state.userById(fixtures.admin._id)!;
		const secret = state.createRoom({ t: 'p', name: `secret-${Date.now()}`, creator });
		const conference = freshConference(sandbox, { rid: secret._id });
		await expectFailure(
			sandbox,
			{ operation: 'getFull', conference: byNumber(conference.number), returnAll: true },
			/Not allowed/,
			{ as: 'user' },
		);
	});
});
