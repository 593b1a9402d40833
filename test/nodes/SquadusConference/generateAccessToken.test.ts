import { useSandbox } from '../helpers';
import { byNumber, expectFailure, freshConference, runConference } from './setup';

describe('Squadus Conference → Generate Access Token', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.generateAccessToken';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('returns the Jitsi JWT for the conference as { token }', async () => {
		const { sandbox } = ctx;
		const { conference, admin } = sandbox.fixtures;
		const result = await runConference(sandbox, {
			operation: 'generateAccessToken',
			conference: byNumber(conference.number),
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ conferenceNumber: conference.number });
		expect(result.json).toHaveLength(1);
		expect(Object.keys(result.json[0])).toEqual(['token']);
		const token = result.json[0].token as string;
		const [, payload] = token.split('.');
		expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
			aud: 'jitsi',
			room: conference.number,
			moderator: true,
			context: { user: { id: admin._id } },
		});
	});

	it('fails before any request when the conference is empty', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'generateAccessToken', conference: byNumber('={{ $json.number }}') },
			'The parameter "Conference" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces "Not allowed" for a user outside the conference', async () => {
		const { sandbox } = ctx;
		const { state, fixtures } = sandbox;
		const secret = state.createRoom({
			t: 'p',
			name: `hidden-${Date.now()}`,
			creator: state.userById(fixtures.admin._id)!,
		});
		const conference = freshConference(sandbox, { rid: secret._id });
		await expectFailure(
			sandbox,
			{ operation: 'generateAccessToken', conference: byNumber(conference.number) },
			/Not allowed/,
			{ as: 'user' },
		);
	});
});
