import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../helpers';
import { byId, byUsername, expectFailure, freshConference, picked, runConference } from './setup';

describe.each([
	['inviteByMessage', '/api/v1/conference.inviteUsers'],
	['inviteByCall', '/api/v1/conference.callUsers'],
])('Squadus Conference → %s', (operation, path) => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	const running = () => freshConference(ctx.sandbox, { status: 'STARTED', started: Date.now() });

	it(`posts meetingId and userIds to ${path}`, async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const conference = running();
		const anna = fixtures.users.find((u) => u.username === 'anna.smirnova')!;
		const result = await runConference(sandbox, {
			operation,
			meetingId: conference._id,
			users: picked(byId(fixtures.user._id), byUsername(anna.username)),
			userIds: `@${fixtures.bot.username}, ${fixtures.user._id}`,
		});

		expect(result.nodeError).toBeUndefined();
		expect(sandbox.requests({ path: '/api/v1/users.info' }).map((r) => r.query)).toEqual([
			{ username: anna.username },
			{ username: fixtures.bot.username },
		]);
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({
			meetingId: conference._id,
			userIds: [fixtures.user._id, anna._id, fixtures.bot._id],
		});
		expect(result.json).toEqual([
			{
				success: true,
				meetingId: conference._id,
				userIds: [fixtures.user._id, anna._id, fixtures.bot._id],
			},
		]);
		for (const id of [fixtures.user._id, anna._id, fixtures.bot._id]) {
			expect(conference.participants.get(id)).toMatchObject({ invited: true });
		}
		if (operation === 'inviteByCall') {
			expect(state.calls.filter((call) => call.conferenceId === conference._id)).toHaveLength(3);
		} else {
			expect(state.invitations.filter((inv) => inv.conferenceId === conference._id)).toHaveLength(
				3,
			);
		}
	});

	it('looks each username up once per run, across items', async () => {
		const { sandbox } = ctx;
		const conference = running();
		const parameters: INodeParameters = {
			operation,
			meetingId: conference._id,
			userIds: '={{ $json.who }}',
		};
		const result = await runConference(sandbox, parameters, {
			input: [{ who: ['ivan.petrov'] }, { who: ['ivan.petrov', 'anna.smirnova'] }],
		});
		expect(result.json).toHaveLength(2);
		expect(sandbox.requests({ path: '/api/v1/users.info' }).map((r) => r.query.username)).toEqual([
			'ivan.petrov',
			'anna.smirnova',
		]);
		expect(sandbox.requests({ path })).toHaveLength(2);
	});

	it('fails before any request when no user is given', async () => {
		const { sandbox } = ctx;
		const conference = running();
		await expectFailure(
			sandbox,
			{ operation, meetingId: conference._id, userIds: '' },
			'The parameter "Users" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('fails before any request on a list with a name that is not a username', async () => {
		const { sandbox } = ctx;
		const conference = running();
		await expectFailure(
			sandbox,
			{ operation, meetingId: conference._id, userIds: 'ivan.petrov, Ivan Petrov' },
			'The parameter "User IDs or Usernames" contains "Ivan Petrov", which is not a user ID or username',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown meeting', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation, meetingId: '000000000000000000000000', userIds: sandbox.fixtures.user._id },
			'Meeting not found [error-meeting-not-found]',
		);
	});
});
