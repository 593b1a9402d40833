import { useSandbox } from '../helpers';
import { byNumber, expectFailure, freshConference, picked, byId, runConference } from './setup';

describe('Squadus Conference → Update', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.updateConference';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('sends the number and the changed fields in the body shape of manual 3.8.6', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const conference = freshConference(sandbox, { plannedStartTime: Date.UTC(2026, 11, 1, 7, 0) });
		const result = await runConference(sandbox, {
			operation: 'update',
			conference: byNumber(conference.number),
			updateFields: {
				name: 'Renamed',
				plannedEndTime: '2026-12-01T12:00:00+03:00',
				videoMute: true,
				invitations: picked(byId(fixtures.user._id)),
			},
		});

		expect(result.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('PUT');
		expect(requests[0].body).toEqual({
			conference: {
				number: conference.number,
				name: 'Renamed',
				conferenceSettings: { videoMute: true },
				plannedEndTime: Date.UTC(2026, 11, 1, 9, 0),
				invitations: [{ id: fixtures.user._id, name: fixtures.user.name }],
			},
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			number: conference.number,
			name: 'Renamed',
			conferenceSettings: { videoMute: true, audioMute: false },
			plannedStartTime: '2026-12-01T07:00:00.000Z',
			plannedEndTime: '2026-12-01T09:00:00.000Z',
		});
		expect(conference.participants.has(fixtures.user._id)).toBe(true);
	});

	it('fails before any request when there is nothing to update', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await expectFailure(
			sandbox,
			{ operation: 'update', conference: byNumber(conference.number), updateFields: {} },
			'The parameter "Update Fields" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('fails before any request on a conference number that is not digits', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'update', conference: byNumber('={{ "12ab" }}'), updateFields: { name: 'x' } },
			'The parameter "Conference" is not a conference number',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown conference', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'update', conference: byNumber('1000000001'), updateFields: { name: 'x' } },
			'Conference not found [error-conference-not-found]',
		);
		expect(sandbox.requests({ path }).length).toBeGreaterThan(0);
	});

	it('surfaces "Not allowed" for a user who may not manage the conference', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await expectFailure(
			sandbox,
			{
				operation: 'update',
				conference: byNumber(conference.number),
				updateFields: { name: 'Hijacked' },
			},
			/Not allowed/,
			{ as: 'user' },
		);
		expect(conference.name).not.toBe('Hijacked');
	});
});
