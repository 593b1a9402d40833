import { useSandbox } from '../helpers';
import { expectFailure, runConference } from './setup';

describe('Squadus Conference → Get Features', () => {
	const ctx = useSandbox();
	const path = '/api/v1/conference/features';
	beforeEach(() => {
		ctx.sandbox.clearRequests();
		ctx.sandbox.clearFaults();
	});

	it('returns one item per video adapter with its features', async () => {
		const { sandbox } = ctx;
		const result = await runConference(sandbox, { operation: 'getFeatures' });

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({});
		expect(result.json.map((item) => item.adapter)).toEqual(['Jitsi', 'Webinar']);
		expect(result.json[0]).toMatchObject({
			adapter: 'Jitsi',
			webinar: false,
			recording: true,
			lobby: true,
		});
		expect(result.json[1]).toMatchObject({ adapter: 'Webinar', webinar: true, whiteBoard: false });
		expect(
			result.outputs.Squadus.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}'),
		).toBe(true);
	});

	it('surfaces a broken answer, with and without Continue On Fail', async () => {
		const { sandbox } = ctx;
		sandbox.fault({ path, mode: 'malformed', times: Infinity });
		await expectFailure(
			sandbox,
			{ operation: 'getFeatures' },
			'Squadus sent an answer that is not valid JSON',
		);
		expect(sandbox.requests({ path })).toHaveLength(3);
	});
});
