// One origin, rule by rule: which redirects sendWithinOrigin follows, how it rewrites the request
// it follows them with, and where it stops. The hostile-server tests (test/reliability/hostile/
// origin.test.ts) run the same code over real HTTP with every credential; this file pins each
// rule with a stand-in for the network.
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	CrossOriginRedirect,
	explainRedirect,
	sendWithinOrigin,
	TooManyRedirects,
} from '../../nodes/shared/transport/origin';

const SERVER = 'https://im.example.test';

/** A network that answers each request with the next of `answers`, and records what was sent. */
function network(...answers: Array<{ status: number; headers?: IDataObject }>) {
	const sent: IHttpRequestOptions[] = [];
	const send = async (request: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		sent.push(request);
		const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
		return { statusCode: answer.status, headers: answer.headers ?? {}, body: { n: sent.length } };
	};
	return { sent, send };
}

const post: IHttpRequestOptions = {
	method: 'POST',
	url: `${SERVER}/api/v1/chat.postMessage`,
	qs: { a: '1' },
	headers: { 'X-Auth-Token': 'session' },
	body: { text: 'hi' },
};

it('sends once with redirects off, and returns an answer that is not a redirect', async () => {
	const { sent, send } = network({ status: 200 });
	const response = await sendWithinOrigin(send, post);
	expect(response.body).toEqual({ n: 1 });
	expect(sent).toEqual([{ ...post, disableFollowRedirect: true }]);
});

it('returns a 3xx without a Location (304) as the answer', async () => {
	const { sent, send } = network({ status: 304 }, { status: 200 });
	expect((await sendWithinOrigin(send, post)).statusCode).toBe(304);
	expect(sent).toHaveLength(1);
});

it('returns a redirect status it does not follow (300) as the answer', async () => {
	const { sent, send } = network({ status: 300, headers: { location: '/elsewhere' } }, { status: 200 });
	expect((await sendWithinOrigin(send, post)).statusCode).toBe(300);
	expect(sent).toHaveLength(1);
});

it.each([
	[307, 'POST', 'POST', { text: 'hi' }],
	[308, 'POST', 'POST', { text: 'hi' }],
	[301, 'POST', 'GET', undefined],
	[302, 'POST', 'GET', undefined],
	[303, 'POST', 'GET', undefined],
	[303, 'DELETE', 'GET', undefined],
	[303, 'HEAD', 'HEAD', { text: 'hi' }],
	[301, 'PUT', 'PUT', { text: 'hi' }],
	[302, 'DELETE', 'DELETE', { text: 'hi' }],
])('a same-origin %i after a %s is followed with %s', async (status, method, next, body) => {
	const { sent, send } = network({ status, headers: { Location: '/api/v1/moved?x=2' } }, { status: 200 });
	await sendWithinOrigin(send, { ...post, method: method as IHttpRequestOptions['method'] });
	expect(sent).toHaveLength(2);
	expect(sent[1]).toMatchObject({
		method: next,
		url: `${SERVER}/api/v1/moved?x=2`,
		qs: undefined,
		headers: { 'X-Auth-Token': 'session' },
		disableFollowRedirect: true,
	});
	expect(sent[1].body).toEqual(body);
	// the headers are a copy: a change on one hop does not reach the caller's request
	expect(sent[1].headers).not.toBe(post.headers);
});

it('a request without a method is a GET, and stays one after a 303', async () => {
	const { sent, send } = network({ status: 303, headers: { location: `${SERVER}/b` } }, { status: 200 });
	await sendWithinOrigin(send, { url: `${SERVER}/a`, body: { keep: true } });
	expect(sent[1].method).toBeUndefined();
	expect(sent[1].body).toEqual({ keep: true });
});

it('reads the first of several Location headers', async () => {
	const { sent, send } = network({ status: 302, headers: { location: ['/one', '/two'] } }, { status: 200 });
	await sendWithinOrigin(send, { ...post, method: 'GET' });
	expect(sent[1].url).toBe(`${SERVER}/one`);
});

it('refuses a redirect to another origin before sending anything there', async () => {
	const { sent, send } = network({ status: 307, headers: { location: 'https://evil.test:444/steal' } });
	const refusal = await sendWithinOrigin(send, post).catch((error: unknown) => error);
	expect(refusal).toBeInstanceOf(CrossOriginRedirect);
	expect(refusal).toMatchObject({ status: 307, from: SERVER, to: 'https://evil.test:444' });
	expect(sent).toHaveLength(1);
	expect(explainRedirect(refusal as CrossOriginRedirect)).toEqual({
		message: 'Squadus redirected the request to another server (https://evil.test:444)',
		description: `The server at ${SERVER} answered HTTP 307 with a redirect to https://evil.test:444. The request was not sent there, and neither was the credential: n8n sends credentials only to the Server Address. If https://evil.test:444 is your Squadus server, enter it as the Server Address in the credential.`,
	});
});

it('a different port or scheme is another origin', async () => {
	for (const location of ['https://im.example.test:8443/x', 'http://im.example.test/x']) {
		const { send } = network({ status: 302, headers: { location } });
		await expect(sendWithinOrigin(send, post)).rejects.toBeInstanceOf(CrossOriginRedirect);
	}
});

it('refuses a Location that is not an address', async () => {
	const { send } = network({ status: 302, headers: { location: 'http://[::1' } });
	await expect(sendWithinOrigin(send, post)).rejects.toMatchObject({ to: 'an invalid address', status: 302 });
});

it('follows five redirects, and stops at the sixth as a loop', async () => {
	const five = network(...Array.from({ length: 5 }, () => ({ status: 302, headers: { location: '/again' } })), { status: 200 });
	expect((await sendWithinOrigin(five.send, { ...post, method: 'GET' })).statusCode).toBe(200);
	expect(five.sent).toHaveLength(6);
	const loop = network({ status: 302, headers: { location: '/again' } });
	const error = await sendWithinOrigin(loop.send, { ...post, method: 'GET' }).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(TooManyRedirects);
	expect((error as TooManyRedirects).message).toBe('More than 5 redirects');
	expect(loop.sent).toHaveLength(6);
	expect(explainRedirect(error as TooManyRedirects)).toEqual({
		message: 'Squadus redirected the request too many times',
		description: `The server at ${SERVER} keeps redirecting (a loop). Check the Server Address in the credential.`,
	});
});
