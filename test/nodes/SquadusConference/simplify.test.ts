import { useSandbox } from '../helpers';
import { expectDrawnFrom } from '../simplify';
import { byId, byNumber, freshConference, runConference } from './setup';

const HOUR = 60 * 60 * 1000;

describe('Squadus Conference: Simplify (node version 2)', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	/** A planned conference of the admin in #random, with Ivan invited. */
	const planned = () => {
		const { fixtures } = ctx.sandbox;
		const start = Date.parse('2027-03-01T09:00:00.000Z');
		return freshConference(ctx.sandbox, {
			rid: fixtures.channels.random._id,
			plannedStartTime: start,
			plannedEndTime: start + HOUR,
			participants: new Map([
				[
					fixtures.admin._id,
					{ userId: fixtures.admin._id, role: 'MODERATOR', status: 'PARTICIPATE', invited: false },
				],
				[
					fixtures.user._id,
					{ userId: fixtures.user._id, role: 'USER', status: 'NOT_ANSWERED', invited: true },
				],
			]),
		});
	};
	const nameOf = (id: string) => ctx.sandbox.state.userById(id)!.name;

	it('Get at version 2 returns the simplified conference by default: number, room, status, link, times, people', async () => {
		const { sandbox } = ctx;
		const { admin, user, channels } = sandbox.fixtures;
		const conference = planned();

		const simplified = await runConference(
			sandbox,
			{ operation: 'get', conference: byNumber(conference.number) },
			{ typeVersion: 2 },
		);
		const raw = await runConference(sandbox, {
			operation: 'get',
			conference: byNumber(conference.number),
		});

		expect(sandbox.requests({ path: '/api/v1/scc.getConferenceInfo' }).map((r) => r.query)).toEqual(
			[{ conferenceNumber: conference.number }, { conferenceNumber: conference.number }],
		);
		expect(simplified.json).toEqual([
			{
				_id: conference._id,
				number: conference.number,
				name: conference.name,
				rid: channels.random._id,
				type: 'REGULAR',
				status: 'BOOKED',
				serviceUrl: `${sandbox.url}/conference/${conference.number}`,
				plannedStartTime: '2027-03-01T09:00:00.000Z',
				plannedEndTime: '2027-03-01T10:00:00.000Z',
				started: null,
				ended: null,
				creator: { id: admin._id, name: nameOf(admin._id) },
				participants: [
					{ id: admin._id, name: nameOf(admin._id) },
					{ id: user._id, name: nameOf(user._id) },
				],
			},
		]);
		expectDrawnFrom(simplified.json[0], raw.json[0]);
		expect(raw.json[0]).toMatchObject({
			conferenceSettings: conference.conferenceSettings,
			videoAdapter: 'Jitsi',
		});
	});

	it('Get at version 2 with Simplify off returns what version 1 returns: the raw conference', async () => {
		const { sandbox } = ctx;
		const conference = planned();
		const parameters = { operation: 'get', conference: byNumber(conference.number) };

		const off = await runConference(
			sandbox,
			{ ...parameters, simplify: false },
			{ typeVersion: 2 },
		);
		const v1 = await runConference(sandbox, { ...parameters, simplify: true });

		expect(off.json).toEqual(v1.json);
		expect(Object.keys(v1.json[0])).toEqual(
			expect.arrayContaining(['conferenceSettings', 'videoAdapter', 'conferenceFormat', 'chatId']),
		);
	});

	it('Get Many in Room at version 2 simplifies each list entry (its ID is `id`)', async () => {
		const { sandbox } = ctx;
		const { admin, channels } = sandbox.fixtures;
		const conference = planned();
		const parameters = {
			operation: 'getManyInRoom',
			room: byId(channels.random._id),
			returnAll: true,
			filters: { name: conference.name },
		};

		const simplified = await runConference(sandbox, parameters, { typeVersion: 2 });
		const raw = await runConference(sandbox, parameters);

		expect(raw.json).toHaveLength(1);
		expect(raw.json[0]).toHaveProperty('userInfo');
		expect(simplified.json).toEqual([
			{
				id: conference._id,
				number: conference.number,
				name: conference.name,
				rid: channels.random._id,
				type: 'REGULAR',
				status: 'BOOKED',
				plannedStartTime: '2027-03-01T09:00:00.000Z',
				plannedEndTime: '2027-03-01T10:00:00.000Z',
				started: null,
				ended: null,
				creator: { id: admin._id, name: nameOf(admin._id) },
			},
		]);
		expectDrawnFrom(simplified.json[0], raw.json[0]);
	});

	it('Get Full at version 2 keeps each participant’s identity, role and status', async () => {
		const { sandbox } = ctx;
		const { admin, user } = sandbox.fixtures;
		const conference = planned();
		const parameters = {
			operation: 'getFull',
			conference: byNumber(conference.number),
			returnAll: true,
		};

		const simplified = await runConference(sandbox, parameters, { typeVersion: 2 });
		const raw = await runConference(sandbox, parameters);

		const person = (id: string, role: string, conferenceStatus: string) => {
			const record = sandbox.state.userById(id)!;
			return { _id: id, username: record.username, name: record.name, role, conferenceStatus };
		};
		expect(simplified.json[0]).toMatchObject({
			_id: conference._id,
			number: conference.number,
			creator: person(admin._id, 'MODERATOR', 'PARTICIPATE'),
			participants: [
				person(admin._id, 'MODERATOR', 'PARTICIPATE'),
				person(user._id, 'USER', 'NOT_ANSWERED'),
			],
			participantsCount: 2,
		});
		expect(simplified.json[0]).not.toHaveProperty('conferenceSettings');
		expectDrawnFrom(simplified.json[0], raw.json[0]);
	});

	it('Create at version 2 returns the new conference simplified; the request is unchanged', async () => {
		const { sandbox } = ctx;
		const { channels } = sandbox.fixtures;
		const parameters = {
			operation: 'create',
			name: 'Ретро',
			room: byId(channels.general._id),
		};

		const simplified = await runConference(sandbox, parameters, { typeVersion: 2 });
		const raw = await runConference(sandbox, parameters);

		const [v2Request, v1Request] = sandbox.requests({ path: '/api/v1/scc.createConference' });
		expect(v2Request.body).toEqual(v1Request.body);
		expect(simplified.json[0]).toMatchObject({
			name: 'Ретро',
			rid: channels.general._id,
			status: raw.json[0].status,
			type: raw.json[0].type,
		});
		expect(Object.keys(simplified.json[0]).sort()).toEqual(
			[
				'_id',
				'number',
				'name',
				'rid',
				'type',
				'status',
				'serviceUrl',
				'plannedStartTime',
				'plannedEndTime',
				'started',
				'ended',
				'creator',
				'participants',
			].sort(),
		);
		const stored = sandbox.state.conferences.get(String(simplified.json[0]._id))!;
		expect(simplified.json[0].number).toBe(stored.number);
	});
});
