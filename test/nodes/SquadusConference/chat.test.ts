import { useSandbox } from '../helpers';
import { expectFailure, freshConference, runConference } from './setup';

describe('Squadus Conference → Create Chat / Get Chat', () => {
	const ctx = useSandbox();
	beforeEach(() => ctx.sandbox.clearRequests());

	it('Create Chat posts the manual’s five fields and returns the chat room', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		const result = await runConference(sandbox, {
			operation: 'createChat',
			meetingId: conference._id,
			name: 'Sync chat',
			description: 'Links and notes',
			showChat: false,
			persistentChat: true,
		});

		const requests = sandbox.requests({ path: '/api/v1/conference.createChat' });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body).toEqual({
			meetingId: conference._id,
			name: 'Sync chat',
			description: 'Links and notes',
			showChat: false,
			persistentChat: true,
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			_id: conference.chatId,
			fname: 'Sync chat',
			conferenceChat: true,
			persistentChat: true,
			hidden: true,
			conferenceInfo: { number: conference.number },
		});
	});

	it('Get Chat returns the chat room of the meeting', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await runConference(sandbox, {
			operation: 'createChat',
			meetingId: conference._id,
			name: 'Daily chat',
		});
		sandbox.clearRequests();

		const result = await runConference(sandbox, {
			operation: 'getChat',
			meetingId: conference._id,
		});
		const requests = sandbox.requests({ path: '/api/v1/conference.getChat' });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ meetingId: conference._id });
		expect(result.json).toEqual([
			expect.objectContaining({
				_id: conference.chatId,
				fname: 'Daily chat',
				persistentChat: false,
			}),
		]);
	});

	it('Create Chat fails before any request without a name', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await expectFailure(
			sandbox,
			{ operation: 'createChat', meetingId: conference._id, name: '={{ $json.title }}' },
			'The parameter "Name" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('Create Chat surfaces the server message when the chat exists', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await runConference(sandbox, {
			operation: 'createChat',
			meetingId: conference._id,
			name: 'First',
		});
		await expectFailure(
			sandbox,
			{ operation: 'createChat', meetingId: conference._id, name: 'Second' },
			'The conference already has a chat [error-conference-chat-exists]',
		);
	});

	it('Get Chat surfaces the server message for a meeting without a chat', async () => {
		const { sandbox } = ctx;
		const conference = freshConference(sandbox);
		await expectFailure(
			sandbox,
			{ operation: 'getChat', meetingId: conference._id },
			'The conference has no chat [error-room-not-found]',
		);
	});
});
