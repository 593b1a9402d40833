// The workflow users build: a calendar trigger's events → Squadus Conference Create (at the
// event's time, inviting the attendees) → Squadus Chat Send Message with the conference link.
import { chainWorkflow, runWorkflow } from '../harness';
import { nodeCredentials, passwordStore, useSandbox } from './helpers';

const DOMAIN = 'example.ru';

/** Three events shaped like the output of n8n's Google Calendar Trigger (event.get). */
const events = [
	{
		kind: 'calendar#event',
		id: 'evt1design',
		status: 'confirmed',
		htmlLink: 'https://www.google.com/calendar/event?eid=ZXZ0MWRlc2lnbg',
		summary: 'Design review',
		creator: { email: `admin@${DOMAIN}` },
		organizer: { email: `admin@${DOMAIN}`, self: true },
		start: { dateTime: '2026-12-01T10:00:00+03:00', timeZone: 'Europe/Moscow' },
		end: { dateTime: '2026-12-01T11:00:00+03:00', timeZone: 'Europe/Moscow' },
		attendees: [
			{ email: `ivan.petrov@${DOMAIN}`, responseStatus: 'accepted' },
			{ email: `anna.smirnova@${DOMAIN}`, responseStatus: 'needsAction' },
		],
		hangoutLink: 'https://meet.google.com/abc-defg-hij',
	},
	{
		kind: 'calendar#event',
		id: 'evt2release',
		status: 'confirmed',
		htmlLink: 'https://www.google.com/calendar/event?eid=ZXZ0MnJlbGVhc2U',
		summary: 'Release planning',
		organizer: { email: `admin@${DOMAIN}`, self: true },
		start: { dateTime: '2026-12-02T09:30:00-05:00', timeZone: 'America/New_York' },
		end: { dateTime: '2026-12-02T10:15:00-05:00', timeZone: 'America/New_York' },
		attendees: [
			{ email: `maria.ivanova@${DOMAIN}`, responseStatus: 'tentative' },
			{ email: `petr.sidorov@${DOMAIN}`, responseStatus: 'accepted' },
			{ email: `ivan.petrov@${DOMAIN}`, responseStatus: 'accepted' },
		],
	},
	{
		kind: 'calendar#event',
		id: 'evt3retro',
		status: 'confirmed',
		htmlLink: 'https://www.google.com/calendar/event?eid=ZXZ0M3JldHJv',
		summary: 'Sprint retro',
		organizer: { email: `admin@${DOMAIN}`, self: true },
		start: { dateTime: '2026-12-03T15:00:00Z', timeZone: 'UTC' },
		end: { dateTime: '2026-12-03T16:00:00Z', timeZone: 'UTC' },
		attendees: [{ email: `petr.sidorov@${DOMAIN}`, responseStatus: 'accepted' }],
	},
];

describe('Calendar events → Squadus Conference → Squadus Chat', () => {
	const ctx = useSandbox();

	it('books one conference per event and posts each link in #general', async () => {
		const { sandbox } = ctx;
		const { state, fixtures } = sandbox;
		const general = fixtures.channels.general;
		const conferencesBefore = new Set(state.conferences.keys());
		const messagesBefore = new Set((state.roomMessages.get(general._id) ?? []).map((m) => m._id));
		sandbox.clearRequests();

		const credentials = nodeCredentials('password');
		const workflow = chainWorkflow(
			{
				name: 'Book Conference',
				type: 'n8n-nodes-squadus.squadusConference',
				credentials,
				parameters: {
					authentication: 'password',
					operation: 'create',
					name: '={{ $json.summary }}',
					room: { __rl: true, mode: 'id', value: general._id },
					additionalFields: {
						plannedStartTime: '={{ $json.start.dateTime }}',
						plannedEndTime: '={{ $json.end.dateTime }}',
						invitationIds: "={{ $json.attendees.map(a => a.email.split('@')[0]) }}",
					},
				},
			},
			{
				name: 'Post Link',
				type: 'n8n-nodes-squadus.squadusChat',
				credentials,
				parameters: {
					authentication: 'password',
					operation: 'send',
					sendTo: 'channel',
					channel: { __rl: true, mode: 'name', value: 'general' },
					text: "={{ 'Conference «' + $json.name + '» at ' + $json.plannedStartTime + ': ' + $json.serviceUrl }}",
				},
			},
		);
		const result = await runWorkflow(workflow, {
			credentials: passwordStore(sandbox),
			input: events,
		});

		expect(result.error).toBeUndefined();
		expect(result.errors).toEqual({});

		// Three conferences, at the events' instants, inviting the attendees' Squadus users
		const created = [...state.conferences.values()].filter((c) => !conferencesBefore.has(c._id));
		expect(created).toHaveLength(3);
		const byName = new Map(created.map((c) => [c.name, c]));
		const expected = [
			[
				'Design review',
				Date.UTC(2026, 11, 1, 7, 0),
				Date.UTC(2026, 11, 1, 8, 0),
				['ivan.petrov', 'anna.smirnova'],
			],
			[
				'Release planning',
				Date.UTC(2026, 11, 2, 14, 30),
				Date.UTC(2026, 11, 2, 15, 15),
				['maria.ivanova', 'petr.sidorov', 'ivan.petrov'],
			],
			[
				'Sprint retro',
				Date.UTC(2026, 11, 3, 15, 0),
				Date.UTC(2026, 11, 3, 16, 0),
				['petr.sidorov'],
			],
		] as const;
		for (const [name, start, end, invitees] of expected) {
			const conference = byName.get(name)!;
			expect(conference).toBeDefined();
			expect(conference.rid).toBe(general._id);
			expect(conference.plannedStartTime).toBe(start);
			expect(conference.plannedEndTime).toBe(end);
			expect(conference.creatorId).toBe(fixtures.admin._id);
			const participants = [...conference.participants.keys()].map(
				(id) => state.userById(id)!.username,
			);
			expect(participants.sort()).toEqual(['admin', ...invitees].sort());
		}

		// Each username was looked up once in the run, though Ivan and Petr attend twice
		const lookups = sandbox.requests({ path: '/api/v1/users.info' }).map((r) => r.query.username);
		expect(lookups.sort()).toEqual([
			'anna.smirnova',
			'ivan.petrov',
			'maria.ivanova',
			'petr.sidorov',
		]);

		// Three messages in #general, each with its conference's link, paired to its event
		const posted = (state.roomMessages.get(general._id) ?? []).filter(
			(m) => !messagesBefore.has(m._id),
		);
		expect(posted).toHaveLength(3);
		const links = expected.map(([name]) => `${sandbox.url}/conference/${byName.get(name)!.number}`);
		expect(posted.map((m) => m.msg)).toEqual([
			`Conference «Design review» at 2026-12-01T07:00:00.000Z: ${links[0]}`,
			`Conference «Release planning» at 2026-12-02T14:30:00.000Z: ${links[1]}`,
			`Conference «Sprint retro» at 2026-12-03T15:00:00.000Z: ${links[2]}`,
		]);
		expect(result.outputs['Post Link'].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(sandbox.requests({ path: '/api/v1/scc.createConference' })).toHaveLength(3);
		expect(sandbox.requests({ path: '/api/v1/chat.postMessage' })).toHaveLength(3);
	});
});
