import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { batching, expectBatchedInOrder } from '../batching';
import { expectNodeFailure, runNode, useSandbox, type RunNodeOptions } from '../helpers';
import { freshConference } from '../SquadusConference/setup';

const run = (sandbox: Sandbox, parameters: INodeParameters, options: RunNodeOptions = {}) =>
	runNode(sandbox, 'squadusMeetingRecord', { operation: 'delete', ...parameters }, options);

const expectFailure = (
	sandbox: Sandbox,
	parameters: INodeParameters,
	message: string | RegExp,
	options: RunNodeOptions = {},
) =>
	expectNodeFailure(
		sandbox,
		'squadusMeetingRecord',
		{ operation: 'delete', ...parameters },
		message,
		options,
	);

describe('Squadus Meeting Record → Delete', () => {
	const ctx = useSandbox();
	const path = '/api/v1/meeting/record';
	beforeEach(() => ctx.sandbox.clearRequests());

	/** A conference with one recording (the sandbox's own meeting artefacts). */
	function recorded() {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox, {
			status: 'STARTED',
			started: Date.now() - 60_000,
		});
		sandbox.endConference(conference.number);
		return { conference, recordId: conference.records[0].id, fileId: conference.records[0].fileId };
	}

	it('with Batching, deletes 20 records 5 at a time: each once, output in input order', async () => {
		const records = Array.from({ length: 20 }, () => recorded());
		await expectBatchedInOrder(ctx.sandbox, {
			node: 'squadusMeetingRecord',
			parameters: {
				operation: 'delete',
				recordId: '={{ $json.recordId }}',
				meetingId: '={{ $json.meetingId }}',
				options: batching(5),
			},
			batchSize: 5,
			input: records.map(({ conference, recordId }) => ({ recordId, meetingId: conference._id })),
			path,
			sent: (request) => request.body.id,
			output: (json) => json.id,
			expected: records.map(({ recordId }) => recordId),
		});
	});

	it('sends DELETE with the record and meeting IDs as a JSON body and returns { deleted, id }', async () => {
		const { sandbox } = ctx;
		const { conference, recordId, fileId } = recorded();
		const result = await run(sandbox, { recordId, meetingId: conference._id });

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('DELETE');
		expect(requests[0].headers['content-type']).toMatch(/application\/json/);
		expect(requests[0].body).toEqual({ id: recordId, meetingId: conference._id });
		expect(result.json).toEqual([{ deleted: true, id: recordId }]);
		expect(conference.records).toEqual([]);
		expect(sandbox.state.files.has(fileId)).toBe(false);
	});

	it('deletes the seeded meeting record', async () => {
		const { sandbox } = ctx;
		const { meetingId, recordId } = sandbox.fixtures.conference;
		const result = await run(sandbox, { recordId, meetingId });
		expect(result.json).toEqual([{ deleted: true, id: recordId }]);
		expect(sandbox.state.conferences.get(meetingId)?.records).toEqual([]);
	});

	it('fails before any request without a record ID', async () => {
		const { sandbox } = ctx;
		const { conference } = recorded();
		await expectFailure(
			sandbox,
			{ recordId: '={{ $json.recordId }}', meetingId: conference._id },
			'The parameter "Record ID" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
		expect(conference.records).toHaveLength(1);
	});

	it('surfaces the server message for an unknown record', async () => {
		const { sandbox } = ctx;
		const { conference } = recorded();
		await expectFailure(
			sandbox,
			{ recordId: '000000000000000000000000', meetingId: conference._id },
			'Record not found [error-record-not-found]',
		);
		expect(conference.records).toHaveLength(1);
	});

	it('surfaces "Not allowed" for a user who may not manage the meeting', async () => {
		const { sandbox } = ctx;
		const { conference, recordId } = recorded();
		await expectFailure(sandbox, { recordId, meetingId: conference._id }, /Not allowed/, {
			as: 'user',
		});
		expect(conference.records).toHaveLength(1);
	});
});
