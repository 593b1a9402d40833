import { useSandbox } from '../helpers';
import {
	byId,
	byNumber,
	byUsername,
	expectFailure,
	freshConference,
	picked,
	runConference,
} from './setup';

describe('Squadus Conference → Start', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.startConference';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('starts the conference in its room and invites users given by ID and username', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const conference = freshConference(sandbox);
		const result = await runConference(sandbox, {
			operation: 'start',
			conference: byNumber(conference.number),
			room: byId(fixtures.channels.general._id),
			options: {
				notify: true,
				invitedUsers: picked(byUsername(fixtures.user.username)),
				invitedUserIds: [fixtures.bot._id],
			},
		});

		expect(result.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: '/api/v1/users.info' }).map((r) => r.query)).toEqual([
			{ username: fixtures.user.username },
		]);
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({
			conferenceNumber: conference.number,
			rid: fixtures.channels.general._id,
			notify: true,
			invitedUsersIds: [fixtures.user._id, fixtures.bot._id],
		});
		expect(result.json).toEqual([
			{ success: true, conferenceNumber: conference.number, rid: fixtures.channels.general._id },
		]);
		expect(conference.status).toBe('STARTED');
		const ringing = state.calls
			.filter((call) => call.conferenceId === conference._id)
			.map((call) => call.userId);
		expect(ringing.sort()).toEqual([fixtures.user._id, fixtures.bot._id].sort());
	});

	it('sends only the number and room without options', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await runConference(sandbox, {
			operation: 'start',
			conference: byNumber(conference.number),
			room: byId(sandbox.fixtures.channels.general._id),
		});
		expect(sandbox.requests({ path })[0].body).toEqual({
			conferenceNumber: conference.number,
			rid: sandbox.fixtures.channels.general._id,
		});
	});

	it('fails before any request when the room is empty', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await expectFailure(
			sandbox,
			{
				operation: 'start',
				conference: byNumber(conference.number),
				room: byId('={{ $json.rid }}'),
			},
			'The parameter "Room" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
		expect(conference.status).toBe('BOOKED');
	});

	it('surfaces the server message for a conference that is already running', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox, { status: 'STARTED', started: Date.now() });
		await expectFailure(
			sandbox,
			{
				operation: 'start',
				conference: byNumber(conference.number),
				room: byId(sandbox.fixtures.channels.general._id),
			},
			'Conference is already started [error-conference-already-started]',
		);
	});
});
