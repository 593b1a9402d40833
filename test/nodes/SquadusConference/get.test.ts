import { useSandbox } from '../helpers';
import { byNumber, expectFailure, runConference } from './setup';

describe('Squadus Conference → Get', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.getConferenceInfo';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('returns the conference basic information', async () => {
		const { sandbox } = ctx;
		const { conference, channels } = sandbox.fixtures;
		const result = await runConference(sandbox, {
			operation: 'get',
			conference: byNumber(conference.number),
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ conferenceNumber: conference.number });
		expect(result.json).toEqual([
			expect.objectContaining({
				_id: conference._id,
				number: conference.number,
				name: 'Планёрка',
				rid: channels.general._id,
				status: 'BOOKED',
			}),
		]);
		expect(result.json[0].participants).toHaveLength(4);
	});

	it('takes the number from a From List value too', async () => {
		const { sandbox } = ctx;
		const { conference } = sandbox.fixtures;
		const result = await runConference(sandbox, {
			operation: 'get',
			conference: {
				__rl: true,
				mode: 'list',
				value: conference.number,
				cachedResultName: 'Планёрка',
			},
		});
		expect(sandbox.requests({ path })[0].query).toEqual({ conferenceNumber: conference.number });
		expect(result.json[0].number).toBe(conference.number);
	});

	it('fails before any request when the conference is empty', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'get', conference: byNumber('={{ $json.conferenceNumber }}') },
			'The parameter "Conference" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown conference', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'get', conference: byNumber('1000000002') },
			'Conference not found [error-conference-not-found]',
		);
	});
});
