import { batching, expectBatchedInOrder } from '../batching';
import { useSandbox } from '../helpers';
import { byId, byUsername, expectFailure, picked, runConference } from './setup';

describe('Squadus Conference → Create', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.createConference';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('creates a planned conference with settings and invitations in the body shape of manual 3.8.5', async () => {
		const { sandbox } = ctx;
		const { fixtures, state } = sandbox;
		const anna = fixtures.users.find((u) => u.username === 'anna.smirnova')!;
		const result = await runConference(sandbox, {
			operation: 'create',
			name: 'Quarterly review',
			room: byId(fixtures.channels.general._id),
			additionalFields: {
				type: 'REGULAR',
				password: 'meeting-pass',
				adapter: 'Webinar',
				conferenceFormat: 'webinar',
				audioMute: true,
				videoMute: false,
				waitingRoomEnable: true,
				plannedStartTime: '2026-12-01T10:00:00+03:00',
				plannedEndTime: '2026-12-01T11:30:00+03:00',
				createChat: true,
				showChat: true,
				persistentChat: false,
				invitations: picked(byId(fixtures.user._id), byUsername(anna.username)),
				invitationIds: `${fixtures.bot.username}, ${fixtures.user.username}`,
			},
		});

		expect(result.nodeError).toBeUndefined();
		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({
			conference: {
				name: 'Quarterly review',
				type: 'REGULAR',
				rid: fixtures.channels.general._id,
				password: 'meeting-pass',
				adapter: 'Webinar',
				conferenceFormat: 'webinar',
				conferenceSettings: { audioMute: true, videoMute: false, waitingRoomEnable: true },
				plannedStartTime: Date.UTC(2026, 11, 1, 7, 0),
				plannedEndTime: Date.UTC(2026, 11, 1, 8, 30),
				createChat: true,
				showChat: true,
				persistentChat: false,
				invitations: [
					{ id: fixtures.user._id, name: fixtures.user.name },
					{ id: anna._id, name: anna.name },
					{ id: fixtures.bot._id, name: fixtures.bot.name },
				],
			},
		});
		// ivan.petrov was given twice (by ID and by username): one invitation, and one users.info each way
		const lookups = sandbox.requests({ path: '/api/v1/users.info' }).map((r) => r.query);
		expect(lookups).toEqual(
			expect.arrayContaining([
				{ userId: fixtures.user._id },
				{ username: anna.username },
				{ username: fixtures.bot.username },
				{ username: fixtures.user.username },
			]),
		);
		expect(lookups).toHaveLength(4);

		expect(result.json).toHaveLength(1);
		const out = result.json[0];
		expect(out).toMatchObject({
			name: 'Quarterly review',
			status: 'BOOKED',
			type: 'REGULAR',
			rid: fixtures.channels.general._id,
			plannedStartTime: '2026-12-01T07:00:00.000Z',
			plannedEndTime: '2026-12-01T08:30:00.000Z',
		});
		const stored = state.conferenceByNumber(out.number as string)!;
		expect([...stored.participants.keys()].sort()).toEqual(
			[fixtures.admin._id, fixtures.user._id, anna._id, fixtures.bot._id].sort(),
		);
		expect(stored.chatId).toBeDefined();
	});

	it('with Batching, creates 20 conferences 5 at a time: each once, output in input order', async () => {
		const { sandbox } = ctx;
		const names = Array.from({ length: 20 }, (_, n) => `Batch conference ${n}`);
		await expectBatchedInOrder(sandbox, {
			node: 'squadusConference',
			parameters: {
				operation: 'create',
				name: '={{ $json.name }}',
				room: byId(sandbox.fixtures.channels.dev._id),
				options: batching(5),
			},
			batchSize: 5,
			input: names.map((name) => ({ name })),
			path,
			sent: (request) => request.body.conference.name,
			output: (json) => json.name,
			expected: names,
		});
	});

	it('sends only the name and room when nothing else is set', async () => {
		const { sandbox } = ctx;
		const result = await runConference(sandbox, {
			operation: 'create',
			name: 'Quick call',
			room: byId(sandbox.fixtures.channels.dev._id),
		});
		expect(result.nodeError).toBeUndefined();
		expect(sandbox.requests({ path })[0].body).toEqual({
			conference: { name: 'Quick call', rid: sandbox.fixtures.channels.dev._id },
		});
		expect(sandbox.requests({ path: '/api/v1/users.info' })).toEqual([]);
		expect(result.json[0]).toMatchObject({ name: 'Quick call', plannedStartTime: null });
	});

	it('fails before any request when the name is empty', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{
				operation: 'create',
				name: '={{ $json.summary }}',
				room: byId(sandbox.fixtures.channels.general._id),
			},
			'The parameter "Name" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('fails before any request when an invitee is an e-mail address', async () => {
		const { sandbox } = ctx;
		const run = await expectFailure(
			sandbox,
			{
				operation: 'create',
				name: 'Review',
				room: byId(sandbox.fixtures.channels.general._id),
				additionalFields: { invitationIds: 'ivan.petrov@example.ru' },
			},
			/The parameter "Invitation IDs or Usernames" contains "ivan.petrov@example.ru", which is an e-mail address/,
		);
		expect(run.nodeError?.description).toMatch(/part before the @/);
		expect(sandbox.requests()).toEqual([]);
	});

	it('names the parameter when an invitee is not a Squadus user, and creates nothing', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{
				operation: 'create',
				name: 'Review',
				room: byId(sandbox.fixtures.channels.general._id),
				additionalFields: { invitationIds: 'nobody.here' },
			},
			'The parameter "Invitation IDs or Usernames" contains "nobody.here", which is not a Squadus user',
		);
		expect(sandbox.requests({ path })).toEqual([]);
	});

	it('surfaces the server message for a room that does not exist', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'create', name: 'Review', room: byId('NoSuchRoom12345678') },
			/does not match any channel/,
		);
		expect(sandbox.requests({ path }).length).toBeGreaterThan(0);
	});
});
