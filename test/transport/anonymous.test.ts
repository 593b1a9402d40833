// postWithoutSession (the logins and the OAuth2 exchange), with a stand-in for n8n-core's
// httpRequest: the request it builds, and how each failure to get an answer is explained. The
// Auth node and OAuth2 tests run it over real HTTP; this file pins its rules one by one.
import type { IHttpRequestOptions, INode } from 'n8n-workflow';

import { postWithoutSession } from '../../nodes/shared/transport/anonymous';
import type { ResolvedAuth, SquadusContext } from '../../nodes/shared/transport/types';

const node = { name: 'Log In', type: 'squadusAuth' } as INode;
const SERVER = 'https://im.example.test';

function standIn(answer: (request: IHttpRequestOptions) => unknown) {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		getNode: () => node,
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				sent.push(request);
				return answer(request);
			},
		},
	} as unknown as SquadusContext;
	return { sent, context };
}

const auth = (ignoreSslIssues?: boolean): ResolvedAuth => ({
	type: 'squadusApi',
	credentials: { server: SERVER, ignoreSslIssues: ignoreSslIssues === true },
	server: SERVER,
	credentialId: 'c1',
	credentialName: 'Squadus',
});

const ok = () => ({ statusCode: 401, headers: {}, body: { status: 'error' } });

it('posts the body as JSON to the API, any status coming back as the answer, redirects off', async () => {
	const { sent, context } = standIn(ok);
	const signal = new AbortController().signal;
	const response = await postWithoutSession(context, auth(), '/login', { user: 'olga' }, { itemIndex: 0, signal });
	expect(response.statusCode).toBe(401);
	expect(sent).toEqual([
		{
			method: 'POST',
			url: `${SERVER}/api/v1/login`,
			body: { user: 'olga' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: false,
			disableFollowRedirect: true,
			abortSignal: signal,
		},
	]);
	expect(sent[0]).not.toHaveProperty('timeout');
});

it('takes the Timeout and the credential\'s "Ignore SSL Issues"', async () => {
	const { sent, context } = standIn(ok);
	await postWithoutSession(context, auth(true), '/login', {}, { itemIndex: 0, timeout: 2000 });
	expect(sent[0]).toMatchObject({ timeout: 2000, skipSslCertificateValidation: true });
});

describe('no answer, explained', () => {
	const refused = () => {
		throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
	};
	const dropped = () => {
		throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
	};

	it('a connection refused names the server, for the item', async () => {
		const { context } = standIn(refused);
		await expect(postWithoutSession(context, auth(), '/login', {}, { itemIndex: 3 })).rejects.toMatchObject({
			message: `Could not connect to the Squadus server at ${SERVER}`,
			description: expect.stringContaining('(error code ECONNREFUSED)'),
			context: expect.objectContaining({ itemIndex: 3 }),
		});
	});

	it('a login cut off "may have been carried out"; a repeatable exchange does not say so', async () => {
		const { context } = standIn(dropped);
		await expect(postWithoutSession(context, auth(), '/login', {}, { itemIndex: 0 })).rejects.toMatchObject({
			description: expect.stringContaining('not sent again'),
		});
		const error = (await postWithoutSession(context, auth(), '/method.callAnon/login', {}, {
			itemIndex: 0,
			repeatable: true,
		}).catch((e: unknown) => e)) as { description: string };
		expect(error.description).toBe('The server or a proxy dropped the connection (error code ECONNRESET).');
	});

	it('ended by its own deadline: a timeout naming the Timeout, whatever the error said', async () => {
		const { context } = standIn(dropped);
		await expect(
			postWithoutSession(context, auth(), '/login', {}, { itemIndex: 0, timeout: 2000, timedOut: () => true }),
		).rejects.toMatchObject({ message: 'Squadus did not answer within 2 s' });
		await expect(
			postWithoutSession(context, auth(), '/login', {}, { itemIndex: 0, timeout: 2000, timedOut: () => false }),
		).rejects.toMatchObject({ message: 'The connection to Squadus was closed before it answered' });
	});

	it('a redirect to another server is refused in words, before anything is sent there', async () => {
		const { sent, context } = standIn(() => ({ statusCode: 307, headers: { location: 'https://evil.test/login' }, body: '' }));
		await expect(postWithoutSession(context, auth(), '/login', { password: 'pw' }, { itemIndex: 0 })).rejects.toMatchObject({
			message: 'Squadus redirected the request to another server (https://evil.test)',
		});
		expect(sent).toHaveLength(1);
	});

	it('a redirect loop is refused in words', async () => {
		const { context } = standIn(() => ({ statusCode: 302, headers: { location: '/api/v1/login' }, body: '' }));
		await expect(postWithoutSession(context, auth(), '/login', {}, { itemIndex: 0 })).rejects.toMatchObject({
			message: 'Squadus redirected the request too many times',
		});
	});
});
