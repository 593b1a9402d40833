// Planned Start / Planned End: every form calendar and date nodes output becomes the same epoch
// milliseconds, and wall-clock times are read in the workflow's time zone, across DST changes.
import type { INodeParameters } from 'n8n-workflow';

import { chainWorkflow, runWorkflow } from '../../harness';
import { nodeCredentials, passwordStore, useSandbox } from '../helpers';
import { byId, expectFailure, runConference } from './setup';

const path = '/api/v1/scc.createConference';
/** 2026-12-01 10:00 in Moscow (UTC+3). */
const INSTANT = Date.UTC(2026, 11, 1, 7, 0);

describe('Squadus Conference → planned start and end', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	const create = (additionalFields: INodeParameters) => ({
		operation: 'create',
		name: 'Planning',
		room: byId(ctx.sandbox.fixtures.channels.general._id),
		additionalFields,
	});

	/** Runs Create in a workflow with the given time zone and returns the conference sent. */
	async function createIn(timezone: string | undefined, additionalFields: INodeParameters) {
		const { sandbox } = ctx;
		sandbox.clearRequests();
		const workflow = chainWorkflow({
			name: 'Squadus',
			type: 'n8n-nodes-squadus.squadusConference',
			parameters: { authentication: 'password', ...create(additionalFields) },
			credentials: nodeCredentials('password'),
		});
		if (timezone) workflow.settings = { timezone };
		const result = await runWorkflow(workflow, {
			credentials: passwordStore(sandbox),
		});
		expect(result.errors).toEqual({});
		const [request] = sandbox.requests({ path });
		return request.body.conference as { plannedStartTime?: number; plannedEndTime?: number };
	}

	it.each([
		['ISO 8601 with an offset', '2026-12-01T10:00:00+03:00'],
		['ISO 8601 in UTC (Z)', '2026-12-01T07:00:00.000Z'],
		[
			'a luxon DateTime from an expression',
			"={{ DateTime.fromISO('2026-12-01T10:00:00', { zone: 'Europe/Moscow' }) }}",
		],
		[
			'a DateTime computed from $now-style arithmetic',
			"={{ DateTime.fromISO('2026-11-30T07:00:00Z').plus({ days: 1 }) }}",
		],
		['a JS Date', "={{ new Date('2026-12-01T07:00:00Z') }}"],
		['epoch seconds (number)', `={{ ${INSTANT / 1000} }}`],
		['epoch milliseconds (number)', `={{ ${INSTANT} }}`],
		['epoch seconds (numeric string)', String(INSTANT / 1000)],
		['epoch milliseconds (numeric string)', String(INSTANT)],
		[
			'a Google Calendar start object',
			"={{ { dateTime: '2026-12-01T10:00:00+03:00', timeZone: 'Europe/Moscow' } }}",
		],
		[
			'an Outlook start object (wall clock + zone)',
			"={{ { dateTime: '2026-12-01T07:00:00.0000000', timeZone: 'UTC' } }}",
		],
	])('reads %s as the same instant', async (_form, value) => {
		const result = await runConference(ctx.sandbox, create({ plannedStartTime: value }));
		expect(result.nodeError).toBeUndefined();
		const [request] = ctx.sandbox.requests({ path });
		expect(request.body.conference.plannedStartTime).toBe(INSTANT);
		expect(typeof request.body.conference.plannedStartTime).toBe('number');
		expect(result.json[0].plannedStartTime).toBe('2026-12-01T07:00:00.000Z');
	});

	it('reads a wall-clock time without an offset in the workflow time zone', async () => {
		const naive = { plannedStartTime: '2026-12-01T10:00:00', plannedEndTime: '2026-12-01 11:00' };
		expect(await createIn('America/New_York', naive)).toMatchObject({
			plannedStartTime: Date.UTC(2026, 11, 1, 15, 0),
			plannedEndTime: Date.UTC(2026, 11, 1, 16, 0),
		});
		expect(await createIn('Europe/Moscow', naive)).toMatchObject({
			plannedStartTime: Date.UTC(2026, 11, 1, 7, 0),
			plannedEndTime: Date.UTC(2026, 11, 1, 8, 0),
		});
	});

	it('converts times around the spring-forward change in America/New_York', async () => {
		// 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT, so 01:30 → 03:30 is one real hour
		const sent = await createIn('America/New_York', {
			plannedStartTime: '2026-03-08T01:30:00',
			plannedEndTime: '2026-03-08T03:30:00',
		});
		expect(sent.plannedStartTime).toBe(Date.UTC(2026, 2, 8, 6, 30)); // -05:00
		expect(sent.plannedEndTime).toBe(Date.UTC(2026, 2, 8, 7, 30)); // -04:00
	});

	it('keeps explicit offsets on the fall-back day, when 01:30 happens twice', async () => {
		// 2026-11-01: 01:30 EDT (-04:00) is an hour before 01:30 EST (-05:00)
		const sent = await createIn('America/New_York', {
			plannedStartTime: '2026-11-01T01:30:00-04:00',
			plannedEndTime: '2026-11-01T01:30:00-05:00',
		});
		expect(sent.plannedStartTime).toBe(Date.UTC(2026, 10, 1, 5, 30));
		expect(sent.plannedEndTime).toBe(Date.UTC(2026, 10, 1, 6, 30));
		expect(sent.plannedEndTime! - sent.plannedStartTime!).toBe(60 * 60 * 1000);
	});

	it('fails before any request on a value that is not a date, naming Planned Start', async () => {
		const { sandbox } = ctx;
		const run = await expectFailure(
			sandbox,
			create({
				plannedStartTime: 'next Tuesday-ish',
				invitationIds: sandbox.fixtures.user.username,
			}),
			'The parameter "Planned Start" is not a date and time: "next Tuesday-ish"',
		);
		expect(run.nodeError?.description).toMatch(/ISO 8601/);
		expect(sandbox.requests()).toEqual(
			expect.not.arrayContaining([expect.objectContaining({ path })]),
		);
		expect(sandbox.requests({ path: '/api/v1/users.info' })).toEqual([]);
	});

	it('fails before any request when Planned End is before Planned Start', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			create({
				plannedStartTime: '2026-12-01T10:00:00+03:00',
				plannedEndTime: '2026-12-01T09:00:00+03:00',
			}),
			'The parameter "Planned End" is not after "Planned Start"',
		);
		expect(sandbox.requests({ path })).toEqual([]);
	});

	it('fails on an unparseable Planned End', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			create({ plannedEndTime: '2026-13-45T99:00' }),
			'The parameter "Planned End" is not a date and time',
		);
		expect(sandbox.requests({ path })).toEqual([]);
	});
});
