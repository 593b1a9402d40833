import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../helpers';
import { api, apiRequests, poller } from './setup';

const ctx = useSandbox();

const numbers = (items: IDataObject[]) => items.map((item) => item.number as string);

async function createConference(name: string, rid: string): Promise<string> {
	const { data } = await api(ctx.sandbox, 'admin', 'POST', 'scc.createConference', {
		conference: { name, type: 'REGULAR', rid },
	});
	return (data as IDataObject).number as string;
}

async function start(number: string, rid: string): Promise<void> {
	await api(ctx.sandbox, 'admin', 'POST', 'scc.startConference', { conferenceNumber: number, rid });
}

beforeEach(() => ctx.sandbox.clearRequests());

describe('Squadus Trigger: conferences', () => {
	it('fires Created, Started and Ended once each per conference', async () => {
		const { sandbox } = ctx;
		const rid = sandbox.fixtures.channels.dev._id;
		const created = poller(sandbox, { event: 'conferenceCreated' });
		const started = poller(sandbox, { event: 'conferenceStarted' });
		const ended = poller(sandbox, { event: 'conferenceEnded' });
		const all = [created, started, ended];
		for (const trigger of all) expect(await trigger.poll()).toEqual([]);

		const a = await createConference('Standup', rid);
		const b = await createConference('Retro', rid);
		expect(numbers(await created.poll())).toEqual([a, b]);
		expect(await started.poll()).toEqual([]);

		await start(a, rid);
		expect(await created.poll()).toEqual([]);
		const [startedItem] = await started.poll();
		expect(startedItem).toMatchObject({ number: a, status: 'STARTED', name: 'Standup' });
		expect(await ended.poll()).toEqual([]);

		sandbox.endConference(a);
		await start(b, rid);
		expect(numbers(await ended.poll())).toEqual([a]);
		expect(numbers(await started.poll())).toEqual([b]);

		for (const trigger of all) expect(await trigger.poll()).toEqual([]);
	});

	it('watches one room with scc.getRoomConferences, sorted by the event time', async () => {
		const { sandbox } = ctx;
		const rid = sandbox.fixtures.channels.random._id;
		const trigger = poller(sandbox, {
			event: 'conferenceStarted',
			conferencesIn: 'room',
			room: { __rl: true, mode: 'id', value: rid },
		});
		await trigger.poll();
		const elsewhere = await createConference('Elsewhere', sandbox.fixtures.channels.dev._id);
		await start(elsewhere, sandbox.fixtures.channels.dev._id);
		const here = await createConference('Here', rid);
		await start(here, rid);
		sandbox.clearRequests();

		expect(numbers(await trigger.poll())).toEqual([here]);
		expect(apiRequests(sandbox)).toMatchObject([
			{
				method: 'GET',
				path: '/api/v1/scc.getRoomConferences',
				query: { rid, sort: 'started', sortOrder: 'desc', offset: '0', count: '100' },
			},
		]);
	});

	it('costs one request per poll when nothing changed, and survives a restart', async () => {
		const { sandbox } = ctx;
		const rid = sandbox.fixtures.channels.general._id;
		const trigger = poller(sandbox, { event: 'conferenceCreated' });
		await trigger.poll();
		const number = await createConference('Town hall', rid);
		expect(numbers(await trigger.poll())).toEqual([number]);

		sandbox.clearRequests();
		const restarted = poller(
			sandbox,
			{ event: 'conferenceCreated' },
			'admin',
			JSON.parse(JSON.stringify(trigger.staticData)),
		);
		expect(await restarted.poll()).toEqual([]);
		expect(await restarted.poll()).toEqual([]);
		expect(apiRequests(sandbox).map((r) => r.path)).toEqual([
			'/api/v1/scc.getUserConferences',
			'/api/v1/scc.getUserConferences',
		]);
	});

	it('fails before any request when the room is empty', async () => {
		const trigger = poller(ctx.sandbox, {
			event: 'conferenceEnded',
			conferencesIn: 'room',
			room: { __rl: true, mode: 'id', value: '' },
		});
		await expect(trigger.poll()).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'The parameter "Room" is empty',
		});
		expect(apiRequests(ctx.sandbox)).toHaveLength(0);
	});
});
