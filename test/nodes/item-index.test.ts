// A plain 400 on a later item: the error names that item (not the first), with and without
// Continue On Fail, one item after another and with Batching.
import type { IDataObject } from 'n8n-workflow';

import { batching } from './batching';
import { runNode, useSandbox } from './helpers';

const ctx = useSandbox();
const POST = '/api/v1/chat.postMessage';
const FAILING = 3;
const ITEMS = 6;

/** Six messages to #general; the fourth goes to a room that does not exist. */
function input(): IDataObject[] {
	const general = ctx.sandbox.fixtures.channels.general._id;
	return Array.from({ length: ITEMS }, (_, i) => ({
		i,
		roomId: i === FAILING ? 'NoSuchRoomAtAll17' : general,
	}));
}

const parameters = (batchSize?: number) => ({
	operation: 'send',
	sendTo: 'room',
	room: { __rl: true, mode: 'id', value: '={{ $json.roomId }}' },
	text: "={{ 'item ' + $json.i }}",
	options: batchSize ? batching(batchSize) : {},
});

beforeEach(() => ctx.sandbox.clearRequests());

describe.each([
	['one item after another', undefined],
	['Batching 2', 2],
])('A plain 400 on a later item (%s)', (_title, batchSize) => {
	it('without Continue On Fail: the run stops with the server message and the item index', async () => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusChat', parameters(batchSize), { input: input() });

		expect(run.nodeError).toMatchObject({ name: 'NodeApiError' });
		expect(run.nodeError!.context?.itemIndex).toBe(FAILING);
		expect(`${run.nodeError!.message} ${run.nodeError!.description ?? ''}`).toMatch(
			/Invalid channel/,
		);
		const posts = sandbox.requests({ path: POST });
		const failed = posts.filter((r) => r.body.roomId === 'NoSuchRoomAtAll17');
		expect(failed).toHaveLength(1);
		expect(failed[0].status).toBe(400);
		// the items before it were sent once each
		const sent = posts.filter((r) => r.status === 200).map((r) => r.body.text as string);
		for (let i = 0; i < FAILING; i++) expect(sent.filter((t) => t === `item ${i}`)).toHaveLength(1);
	});

	it('with Continue On Fail: one item per input, the error on the failing one, paired to it', async () => {
		const { sandbox } = ctx;
		const run = await runNode(sandbox, 'squadusChat', parameters(batchSize), {
			input: input(),
			continueOnFail: true,
		});

		expect(run.nodeError).toBeUndefined();
		expect(run.outputs.Squadus.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: ITEMS }, (_, i) => ({ item: i })),
		);
		run.json.forEach((json, i) => {
			if (i === FAILING) expect(json.error).toEqual(expect.stringMatching(/Invalid channel/));
			else expect(json).toMatchObject({ msg: `item ${i}` });
		});
		expect(sandbox.requests({ path: POST })).toHaveLength(ITEMS);
	});
});
