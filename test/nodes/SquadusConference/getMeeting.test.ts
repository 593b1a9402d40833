import { createServer, request } from 'http';
import type { AddressInfo } from 'net';

import { CredentialStore } from '../../harness';
import { CREDENTIAL_NAME, credentialsFor, useSandbox } from '../helpers';
import { expectFailure, runConference } from './setup';

/** An HTTP proxy to `target` that lets `rewrite` change JSON answers. */
async function startProxy(target: string, rewrite: (path: string, body: string) => string) {
	const upstream = new URL(target);
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const forward = request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: req.method,
					path: req.url,
					headers: { ...req.headers, host: upstream.host },
				},
				(answer) => {
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('end', () => {
						let body = Buffer.concat(parts);
						if (String(answer.headers['content-type']).includes('json')) {
							body = Buffer.from(rewrite(req.url ?? '', body.toString('utf8')));
						}
						res.writeHead(answer.statusCode ?? 502, {
							...answer.headers,
							'content-length': body.length,
						});
						res.end(body);
					});
				},
			);
			forward.end(Buffer.concat(chunks));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Squadus Conference → Get Meeting', () => {
	const ctx = useSandbox();
	const path = '/api/v1/scc.getMeetingInfo';
	beforeEach(() => ctx.sandbox.clearRequests());

	it('returns the meeting with its records', async () => {
		const { sandbox } = ctx;
		const { conference } = sandbox.fixtures;
		const result = await runConference(sandbox, {
			operation: 'getMeeting',
			meetingId: conference.meetingId,
		});

		const requests = sandbox.requests({ path });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].query).toEqual({ meetingId: conference.meetingId });
		expect(sandbox.requests().filter((r) => r.path.startsWith('/file-upload/'))).toEqual([]);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: conference.meetingId,
			number: conference.number,
			records: [expect.objectContaining({ id: conference.recordId })],
			hasSpeech: true,
		});
		expect(result.outputs.Squadus[0].binary).toBeUndefined();
	});

	it('downloads the chat log and the transcript as binary data', async () => {
		const { sandbox } = ctx;
		const { conference } = sandbox.fixtures;
		const result = await runConference(sandbox, {
			operation: 'getMeeting',
			meetingId: conference.meetingId,
			options: { download: true },
		});

		const meeting = result.json[0] as { chatDownloadLink: string; speechDownloadLink: string };
		const downloads = sandbox.requests().filter((r) => r.path.startsWith('/file-upload/'));
		expect(downloads.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', meeting.chatDownloadLink, 200],
			['GET', meeting.speechDownloadLink, 200],
		]);
		const item = result.outputs.Squadus[0];
		const { state } = sandbox;
		const stored = state.conferences.get(conference.meetingId)!;
		const chatFile = state.files.get(stored.chatFileId!)!;
		const speechFile = state.files.get(stored.speechFileId!)!;
		expect(item.binary?.chat).toMatchObject({ fileName: chatFile.name, mimeType: 'text/plain' });
		expect(item.binary?.transcript).toMatchObject({
			fileName: speechFile.name,
			mimeType: 'text/plain',
		});
		expect(Buffer.from(item.binary!.chat.data, 'base64').equals(chatFile.data)).toBe(true);
		expect(Buffer.from(item.binary!.transcript.data, 'base64').toString('utf8')).toContain(
			'Расшифровка встречи',
		);
	});

	it('follows absolute download links too', async () => {
		const { sandbox } = ctx;
		const { conference } = sandbox.fixtures;
		// A server that answers with absolute links: a proxy in front of the sandbox rewrites them.
		const proxy = await startProxy(sandbox.url, (path, body) =>
			path.startsWith('/api/v1/scc.getMeetingInfo')
				? body.replace(/"(chat|speech)DownloadLink":"\//g, `"$1DownloadLink":"${proxy.url}/`)
				: body,
		);
		try {
			const store = new CredentialStore({
				[CREDENTIAL_NAME.password]: { ...credentialsFor(sandbox), server: proxy.url },
			});
			const result = await runConference(
				sandbox,
				{ operation: 'getMeeting', meetingId: conference.meetingId, options: { download: true } },
				{ store },
			);
			const meeting = result.json[0] as { chatDownloadLink: string; speechDownloadLink: string };
			expect(meeting.chatDownloadLink.startsWith(`${proxy.url}/file-upload/`)).toBe(true);
			const downloads = sandbox.requests().filter((r) => r.path.startsWith('/file-upload/'));
			expect(downloads.map((r) => `${proxy.url}${r.path}`)).toEqual([
				meeting.chatDownloadLink,
				meeting.speechDownloadLink,
			]);
			const stored = sandbox.state.conferences.get(conference.meetingId)!;
			const chatFile = sandbox.state.files.get(stored.chatFileId!)!;
			expect(result.outputs.Squadus[0].binary?.chat.fileName).toBe(chatFile.name);
		} finally {
			await proxy.close();
		}
	});

	it('returns no binary data for a meeting that has no chat log or transcript yet', async () => {
		const { sandbox } = ctx;
		const { conference } = sandbox.fixtures;
		const fresh = sandbox.state.addConference({
			...sandbox.state.conferences.get(conference.meetingId)!,
			number: undefined,
			chatFileId: undefined,
			speechFileId: undefined,
			records: [],
		});
		const result = await runConference(sandbox, {
			operation: 'getMeeting',
			meetingId: fresh._id,
			options: { download: true },
		});
		expect(result.json[0]).toMatchObject({
			id: fresh._id,
			chatDownloadLink: null,
			speechDownloadLink: null,
		});
		expect(result.outputs.Squadus[0].binary).toBeUndefined();
		expect(sandbox.requests().filter((r) => r.path.startsWith('/file-upload/'))).toEqual([]);
	});

	it('fails before any request when the meeting ID is empty', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getMeeting', meetingId: '={{ $json.meetingId }}' },
			'The parameter "Meeting ID" is empty',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('surfaces the server message for an unknown meeting', async () => {
		const { sandbox } = ctx;
		await expectFailure(
			sandbox,
			{ operation: 'getMeeting', meetingId: '000000000000000000000000' },
			'Meeting not found [error-meeting-not-found]',
		);
	});
});
