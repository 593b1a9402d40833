import { useSandbox } from '../helpers';
import { byId, byNumber, expectFailure, freshConference, runConference } from './setup';

describe('Squadus Conference → Accept Call / Decline Call', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	/** A running conference in #general that is calling Ivan. */
	function ringing() {
		const { fixtures, state } = ctx.sandbox;
		const conference = freshConference(ctx.sandbox, { status: 'STARTED', started: Date.now() });
		conference.participants.set(fixtures.user._id, {
			userId: fixtures.user._id,
			role: 'USER',
			status: 'NOT_ANSWERED',
			invited: true,
		});
		const now = Date.now();
		const call = {
			_id: `call-${now}`,
			conferenceId: conference._id,
			userId: fixtures.user._id,
			callerId: fixtures.admin._id,
			status: 'ringing' as const,
			createdAt: now,
			updatedAt: now,
		};
		state.calls.push(call);
		return { conference, call: () => state.calls.find((c) => c._id === call._id)! };
	}

	it('Accept Call posts rid, mid, number and skipToken, and keeps the token out of the output', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const { conference, call } = ringing();
		const result = await runConference(
			sandbox,
			{
				operation: 'acceptCall',
				room: byId(fixtures.channels.general._id),
				meetingId: conference._id,
				conference: byNumber(conference.number),
				skipToken: 'device-token-123',
			},
			{ as: 'user' },
		);

		const requests = sandbox.requests({ path: '/api/v1/scc.acceptCall' });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({
			rid: fixtures.channels.general._id,
			mid: conference._id,
			number: conference.number,
			skipToken: 'device-token-123',
		});
		expect(result.json).toEqual([
			{
				success: true,
				rid: fixtures.channels.general._id,
				meetingId: conference._id,
				conferenceNumber: conference.number,
			},
		]);
		expect(JSON.stringify(result.json)).not.toContain('device-token-123');
		expect(call().status).toBe('accepted');
		expect(conference.participants.get(fixtures.user._id)?.status).toBe('PARTICIPATE');
	});

	it('Decline Call posts rid, conferenceNumber and skipToken', async () => {
		const { sandbox } = ctx;
		const { fixtures } = sandbox;
		const { conference, call } = ringing();
		const result = await runConference(
			sandbox,
			{
				operation: 'declineCall',
				room: byId(fixtures.channels.general._id),
				conference: byNumber(conference.number),
				skipToken: 'device-token-456',
			},
			{ as: 'user' },
		);

		const requests = sandbox.requests({ path: '/api/v1/scc.callSkip' });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({
			rid: fixtures.channels.general._id,
			conferenceNumber: conference.number,
			skipToken: 'device-token-456',
		});
		expect(result.json).toEqual([
			{ success: true, rid: fixtures.channels.general._id, conferenceNumber: conference.number },
		]);
		expect(call().status).toBe('declined');
		expect(conference.participants.get(fixtures.user._id)?.status).toBe('DECLINED');
	});

	it.each(['acceptCall', 'declineCall'])(
		'%s fails before any request without a device token',
		async (operation) => {
			const { sandbox } = ctx;
			const { conference } = ringing();
			await expectFailure(
				sandbox,
				{
					operation,
					room: byId(sandbox.fixtures.channels.general._id),
					meetingId: conference._id,
					conference: byNumber(conference.number),
					skipToken: '={{ $json.token }}',
				},
				'The parameter "Device Token" is empty',
				{ as: 'user' },
			);
			expect(sandbox.requests().filter((r) => r.path !== '/api/v1/login')).toEqual([]);
		},
	);

	it('Accept Call surfaces the server message when the room does not match', async () => {
		const { sandbox } = ctx;
		const { conference } = ringing();
		await expectFailure(
			sandbox,
			{
				operation: 'acceptCall',
				room: byId(sandbox.fixtures.channels.dev._id),
				meetingId: conference._id,
				conference: byNumber(conference.number),
				skipToken: 'device-token-123',
			},
			'The meeting does not belong to this room [error-invalid-room]',
			{ as: 'user' },
		);
	});

	it('Decline Call surfaces the server message for an unknown conference', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{
				operation: 'declineCall',
				room: byId(sandbox.fixtures.channels.general._id),
				conference: byNumber('1000000004'),
				skipToken: 'device-token-456',
			},
			'Conference not found [error-conference-not-found]',
			{ as: 'user' },
		);
	});
});
