// Unit checks of transport defences that the mutation sample (docs/testing.md) found untested:
// each expectation below fails when the defence it names is removed. The node-level tests run the
// same code against the sandbox; these pin the edges they do not reach.
import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { withSquadusHeaders } from '../../nodes/shared/transport/authenticate';
import { clock } from '../../nodes/shared/transport/clock';
import {
	actionOf,
	asNodeError,
	explainNetworkError,
	classifyNetworkError,
	httpError,
	serverText,
} from '../../nodes/shared/transport/errors';
import { readLoginAnswer, refusedAsInvalid } from '../../nodes/shared/transport/login';
import { leaveTurn, paceFor, takeTurn } from '../../nodes/shared/transport/rateLimit';
import { credentialSecrets, Redactor } from '../../nodes/shared/transport/redact';
import { apiUrl, normalizeServerUrl, originOf, serverAddressProblem } from '../../nodes/shared/transport/url';

describe('redaction', () => {
	it('redacts a secret of exactly the minimum length (4 characters)', () => {
		expect(new Redactor(['k9#Q']).text('pin k9#Q refused')).toBe('pin [redacted] refused');
		expect(new Redactor(['k9#']).text('pin k9# kept')).toBe('pin k9# kept');
	});

	it("counts an OAuth2 credential's token data (access, refresh and ID tokens) as secrets", () => {
		const secrets = credentialSecrets({
			oauthTokenData: {
				access_token: 'at-5f1d2c9e8b',
				refresh_token: 'rt-77aa0c41de',
				id_token: 'it-0b9c3e2f1a',
				token_type: 'Bearer',
			},
		});
		expect(secrets).toEqual(
			expect.arrayContaining(['at-5f1d2c9e8b', 'rt-77aa0c41de', 'it-0b9c3e2f1a']),
		);
		expect(secrets).not.toContain('Bearer');
	});

	it("redacts an error's message, description and stack", () => {
		const error = Object.assign(new Error('token tok-41f0aa9 refused'), {
			description: 'sent tok-41f0aa9',
		});
		error.stack = 'Error: token tok-41f0aa9 refused\n    at send (request.ts:1:1)';
		new Redactor(['tok-41f0aa9']).error(error);
		for (const text of [error.message, error.description, error.stack]) {
			expect(text).not.toContain('tok-41f0aa9');
			expect(text).toContain('[redacted]');
		}
	});
});

describe('network errors', () => {
	it.each([
		'DEPTH_ZERO_SELF_SIGNED_CERT',
		'SELF_SIGNED_CERT_IN_CHAIN',
		'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	])('reads %s as a certificate problem', (code) => {
		expect(classifyNetworkError({ code })).toBe('tls');
	});

	it('says a dropped write was not sent again, and says nothing of the kind for a read', () => {
		const drop = { code: 'ECONNRESET' };
		const write = explainNetworkError(drop, 'https://im.example.test', 'POST');
		const read = explainNetworkError(drop, 'https://im.example.test', 'GET');
		expect(`${write.message} ${write.description}`).toMatch(/not sent again/);
		expect(`${read.message} ${read.description}`).not.toMatch(/not sent again/);
	});
});

describe('login answers', () => {
	it('refuses a method-call envelope whose result holds no session, and says so', () => {
		const message = JSON.stringify({ msg: 'result', id: '1', result: { type: 'resume' } });
		expect(readLoginAnswer(200, { success: true, message })).toEqual({
			refused: { status: 401, body: { error: 'The server answered the login without a session' } },
		});
	});
});

describe('API addresses', () => {
	it('puts an endpoint given without a leading slash under /api/v1/', () => {
		expect(apiUrl('https://im.example.test/', 'me')).toBe('https://im.example.test/api/v1/me');
		expect(apiUrl('https://im.example.test', '/me')).toBe('https://im.example.test/api/v1/me');
	});
});

const node = { name: 'Squadus', type: 'squadusChat' } as INode;

describe('HTTP errors', () => {
	const where = { endpoint: '/chat.postMessage', itemIndex: 0 };

	it('a 429 that outlasted the retries says how many attempts were made', () => {
		const error = httpError(
			node,
			429,
			{ success: false, error: 'Too many requests' },
			{ ...where, attempts: 5 },
		);
		expect(error.description).toMatch(
			/^Squadus kept answering "too many requests" after 5 attempts\./,
		);
	});

	it('a 413 says the request is too large for the server', () => {
		const error = httpError(node, 413, '<html>Request Entity Too Large</html>', where);
		expect(error.description).toBe(
			'The request is too large for the Squadus server (e.g. a file above its upload limit).',
		);
	});

	it("keeps the server's whole answer for n8n's error details, and names the item", () => {
		const body = {
			success: false,
			error: 'Room not found',
			errorType: 'error-room-not-found',
			details: { rid: 'r1' },
		};
		const error = httpError(node, 400, body, { ...where, itemIndex: 2 });
		expect(error.message).toBe('Room not found');
		expect(error.errorResponse).toEqual(body);
		expect(error.context).toMatchObject({ itemIndex: 2, errorType: 'error-room-not-found' });
	});
});

describe('login answers, continued', () => {
	it("reads Rocket.Chat's method-call envelope when its message starts with white space", () => {
		const message = '  {"msg":"result","id":"1","result":{"id":"u1","token":"tok-9a8b7c"}}';
		expect(readLoginAnswer(200, { success: true, message })).toEqual({
			session: { authToken: 'tok-9a8b7c', userId: 'u1' },
		});
	});

	it("does not read a refusal's plain message as an envelope, and keeps only the error fields", () => {
		const body = {
			status: 'error',
			message: 'Unauthorized {user}',
			reason: 'bad',
			data: { authToken: 'x' },
		};
		expect(readLoginAnswer(401, body)).toEqual({
			refused: {
				status: 401,
				body: { status: 'error', message: 'Unauthorized {user}', reason: 'bad' },
			},
		});
	});

	it("knows Rocket.Chat's validator refusal in both its forms, and nothing else", () => {
		expect(refusedAsInvalid(400, { success: false, error: 'invalid-params' })).toBe(true);
		expect(
			refusedAsInvalid(400, {
				success: false,
				error: "must have required property 'user'",
				errorType: 'invalid-params',
			}),
		).toBe(true);
		expect(
			refusedAsInvalid(400, {
				success: false,
				error: 'User not found',
				errorType: 'error-invalid-user',
			}),
		).toBe(false);
		expect(refusedAsInvalid(401, { success: false, error: 'invalid-params' })).toBe(false);
		expect(refusedAsInvalid(400, undefined)).toBe(false);
	});
});

describe("the credentials' headers (also used by n8n's HTTP Request node)", () => {
	const token = { field: 'accessToken', label: 'Access Token' };
	const user = { field: 'userId', label: 'User ID' };
	const credentials = {
		server: 'https://squadus.example.com',
		accessToken: 'tok-1f2e3d',
		userId: 'u1',
	};
	const request = { url: 'https://squadus.example.com/api/v1/me' };

	it("are set for a request to the credential's server", () => {
		expect(withSquadusHeaders({ ...request }, credentials, token, user).headers).toMatchObject({
			'X-Auth-Token': 'tok-1f2e3d',
			'X-User-Id': 'u1',
		});
	});

	it('are refused when a value holds a line break, naming the field', () => {
		for (const [field, label] of [
			['accessToken', 'Access Token'],
			['userId', 'User ID'],
		]) {
			expect(() =>
				withSquadusHeaders(
					{ ...request },
					{ ...credentials, [field]: 'abc\r\nX-Injected: 1' },
					token,
					user,
				),
			).toThrow(`The credential's ${label} contains a line break`);
		}
	});
});

describe('rate-limit headers', () => {
	it('an empty X-RateLimit-Remaining is no count at all, not zero', async () => {
		const context = { getNode: () => node };
		const pace = paceFor(context, 'squadusApi empty', 'POST', '/api/v1/chat.postMessage');
		await takeTurn(context, pace, { ms: 0 }, 1000, { endpoint: '/chat.postMessage', itemIndex: 0 });
		leaveTurn(pace, {
			statusCode: 200,
			headers: { 'x-ratelimit-limit': '', 'x-ratelimit-remaining': '', 'x-ratelimit-reset': '' },
		});
		expect(pace.remaining).toBeUndefined();
		expect(pace.limit).toBeUndefined();
	});

	it("counts the most of our calls in flight at once into the reserve kept for others' calls", async () => {
		const context = { getNode: () => node };
		const pace = paceFor(context, 'squadusApi peak', 'POST', '/api/v1/chat.postMessage');
		const turn = () =>
			takeTurn(context, pace, { ms: 0 }, 1000, { endpoint: '/chat.postMessage', itemIndex: 0 });
		const reset = Date.now() + 60_000;
		const answer = (remaining: number) =>
			leaveTurn(pace, {
				statusCode: 200,
				headers: {
					'x-ratelimit-limit': '20',
					'x-ratelimit-remaining': String(remaining),
					'x-ratelimit-reset': String(reset),
				},
			});
		await turn();
		answer(18); // one of ours, one of someone else's: the others keep 1 call in flight
		expect(pace.reserve).toBe(1);
		await turn();
		await turn();
		await turn(); // three of ours in flight at once
		expect(pace.peak).toBe(3);
		answer(14); // two of ours answered in all, 4 of others: 2 per call of ours, times 3 at once
		expect(pace.own).toBe(2);
		expect(pace.reserve).toBe(Math.round(((20 - 14 - 2 - 2) / 2) * 3));
	});
});

describe("the transport's clock", () => {
	it('ends a wait when the execution is cancelled', async () => {
		const controller = new AbortController();
		const waiting = clock.sleep(60_000, controller.signal);
		controller.abort(new Error('Execution was cancelled'));
		await expect(waiting).rejects.toThrow('Execution was cancelled');
	});
});

describe('redaction, continued', () => {
	it("redacts a secret in an error's cause", () => {
		const error = Object.assign(new Error('refused'), {
			cause: new Error('token tok-5e6f7a8b expired'),
		});
		new Redactor(['tok-5e6f7a8b']).error(error);
		expect(String((error.cause as Error).message)).toBe('token [redacted] expired');
	});
});

describe('network errors, continued', () => {
	it.each([
		[{ message: 'timeout of 30000ms exceeded' }, 'timeout'],
		[{ code: 'ECONNABORTED', message: 'aborted' }, 'timeout'],
		[{ code: 'ERR_INVALID_URL', message: 'Invalid URL' }, 'connect'],
		[{ code: 'EADDRNOTAVAIL', message: 'connect EADDRNOTAVAIL' }, 'connect'],
		[{ code: 'EPROTO', message: 'wrong version number' }, 'connect'],
		[{ message: 'socket hang up' }, 'drop'],
		[{ message: 'something else' }, 'other'],
	])('reads %j as %s', (raw, kind) => {
		expect(classifyNetworkError(raw)).toBe(kind);
	});
});

describe('HTTP errors, continued', () => {
	it('a 403 says which permission-needing action failed', () => {
		const error = httpError(
			node,
			403,
			{ success: false, error: 'Forbidden' },
			{ endpoint: '/users.create', itemIndex: 0 },
		);
		expect(error.description).toMatch(
			/^The Squadus account lacks a permission needed for "users.create"\./,
		);
	});
});

describe('redaction of secrets with special characters', () => {
	it('redacts a secret full of regular-expression characters as written, and nothing like it', () => {
		const redactor = new Redactor(['p.a+s*s?(w)[0]|rd$^']);
		expect(redactor.text('got p.a+s*s?(w)[0]|rd$^ here')).toBe('got [redacted] here');
		expect(redactor.text('got pXaasssw0rd here')).toBe('got pXaasssw0rd here');
	});

	it("takes a Password credential's secrets, with no OAuth2 token data", () => {
		expect(
			credentialSecrets({ user: 'olga', password: 'Pw-3f9a1c', authToken: 'tok-77e1d0c2' }),
		).toEqual(expect.arrayContaining(['Pw-3f9a1c', 'tok-77e1d0c2']));
	});
});

describe('HTTP errors, the action and the parameter they name', () => {
	it("names the action without the endpoint's leading slash or query string", () => {
		const error = httpError(
			node,
			404,
			{ success: false, error: 'Not found' },
			{ endpoint: '/scc.getMeetingInfo?meetingId=m1', itemIndex: 0 },
		);
		expect(error.description).toMatch(/^Squadus has no "scc\.getMeetingInfo" here\./);
	});

	it.each(['invalid-params', 'error-invalid-params'])(
		'a %s refusal names the parameter quoted in the server text, or says a parameter',
		(errorType) => {
			const named = httpError(
				node,
				400,
				{ success: false, error: "must have required property 'text'", errorType },
				{ endpoint: 'chat.postMessage', itemIndex: 0 },
			);
			expect(named.description).toBe('Squadus rejected the parameter "text". Check its value.');
			const unnamed = httpError(
				node,
				400,
				{ success: false, error: 'Invalid params', errorType },
				{ endpoint: 'chat.postMessage', itemIndex: 0 },
			);
			expect(unnamed.description).toBe(
				'Squadus rejected a parameter of the request. Check the values of the node.',
			);
		},
	);
});

describe('n8n errors passed on', () => {
	it('keeps a problem of the input a NodeOperationError, with its words, and makes anything else an API error', () => {
		const input = new NodeOperationError(node, 'Server Address is empty', {
			description: 'Enter it in the credential',
		});
		const kept = asNodeError(node, input);
		expect(kept).toBeInstanceOf(NodeOperationError);
		expect(kept.message).toBe('Server Address is empty');
		expect(kept.description).toBe('Enter it in the credential');
		expect(asNodeError(node, { message: 'socket closed' })).toBeInstanceOf(NodeApiError);
	});
});

describe('login refusals, the fields kept', () => {
	it("keeps each of Rocket.Chat's error fields of a refusal, and nothing else", () => {
		const answer = {
			status: 'error',
			error: 'Unauthorized',
			errorType: 'error-login-blocked',
			message: 'Too many failed attempts',
			reason: 'blocked',
			details: { timeToReset: 60 },
			success: false,
			data: { authToken: 'must-not-be-kept' },
		};
		const { data, ...kept } = answer;
		expect(data).toBeDefined();
		expect(readLoginAnswer(401, answer)).toEqual({ refused: { status: 401, body: kept } });
	});
});

describe('redaction, overlapping secrets', () => {
	it('redacts the longer of two secrets that start alike as a whole', () => {
		const redactor = new Redactor(['tok-5e1a', 'tok-5e1a-refresh-77c0']);
		expect(redactor.text('sent tok-5e1a-refresh-77c0 and tok-5e1a')).toBe(
			'sent [redacted] and [redacted]',
		);
	});
});

describe('Server Address forms', () => {
	it.each([
		'https://im.example.test',
		'https://im.example.test/',
		'https://im.example.test//',
		'https://im.example.test/api/v1',
		'https://im.example.test/api/v1/',
		' https://im.example.test/API/v1// ',
	])('reads %j as https://im.example.test', (typed) => {
		expect(normalizeServerUrl(typed)).toBe('https://im.example.test');
	});
});

// Seed 5's survivors (docs/testing.md), each checked by planting the mutant by hand.
describe('network errors: a bare "aborted"', () => {
	it("is Node's word for a connection cut mid-answer", () => {
		expect(classifyNetworkError({ message: 'aborted' })).toBe('drop');
	});

	it.each(['The operation was aborted', 'This operation was aborted', 'Aborted by the user'])(
		'but %j is a cancellation, not a dropped connection',
		(message) => {
			expect(classifyNetworkError({ message })).toBe('other');
		},
	);
});

describe("the server's text", () => {
	it.each([
		[{ success: false, error: { message: 'nested' }, message: 'Readable text' }],
		[{ success: false, error: '', message: 'Readable text' }],
		[{ success: false, error: 42, message: 'Readable text' }],
	])('an `error` that is not a text (%j) gives way to `message`', (body) => {
		expect(serverText(body).text).toBe('Readable text');
	});
});

describe('HTTP errors: permissions Rocket.Chat refuses with 400', () => {
	it.each(['error-not-allowed', 'error-unauthorized'])(
		'%s says which permission-needing action failed',
		(errorType) => {
			const error = httpError(
				node,
				400,
				{ success: false, error: `Not allowed [${errorType}]`, errorType },
				{ endpoint: '/channels.delete', itemIndex: 0 },
			);
			expect(error.message).toBe(`Not allowed [${errorType}]`);
			expect(error.description).toMatch(
				/^The Squadus account lacks a permission needed for "channels\.delete"\./,
			);
		},
	);
});

describe('the action an error names', () => {
	it.each([
		['/channels.info?roomName=general', 'channels.info'],
		['channels.info?roomName=general&x=?', 'channels.info'],
		['/method.callAnon/login', 'method.callAnon/login'],
		['method.callAnon/login', 'method.callAnon/login'],
		['/me', 'me'],
	])('%s is "%s"', (endpoint, action) => {
		expect(actionOf(endpoint)).toBe(action);
	});
});

describe('rate-limit headers, continued', () => {
	const context = { getNode: () => node };
	const turn = (pace: ReturnType<typeof paceFor>) =>
		takeTurn(context, pace, { ms: 0 }, 1000, { endpoint: '/chat.postMessage', itemIndex: 0 });

	it('an empty X-RateLimit-Remaining beside a limit and a reset is no count, not zero', async () => {
		const pace = paceFor(context, 'squadusApi empty remaining', 'POST', '/api/v1/chat.postMessage');
		await turn(pace);
		leaveTurn(pace, {
			statusCode: 200,
			headers: {
				'x-ratelimit-limit': '20',
				'x-ratelimit-remaining': '',
				'x-ratelimit-reset': String(Date.now() + 60_000),
			},
		});
		expect(pace.remaining).toBeUndefined();
		expect(pace.resetAt).toBe(0);
	});

	it("counts our calls in flight when a new window's first answer comes in", async () => {
		const pace = paceFor(context, 'squadusApi peak at open', 'POST', '/api/v1/chat.postMessage');
		await turn(pace);
		await turn(pace);
		await turn(pace); // three of ours in flight, none answered yet
		leaveTurn(pace, {
			statusCode: 200,
			headers: {
				'x-ratelimit-limit': '20',
				'x-ratelimit-remaining': '16',
				'x-ratelimit-reset': String(Date.now() + 60_000),
			},
		});
		// the answered call and the two still in flight were ours at once
		expect(pace.peak).toBe(3);
		// 20 - 16 - 1 answered - 2 in flight: 1 call of someone else's per call of ours, times 3
		expect(pace.reserve).toBe(3);
	});
});

describe('redaction of what an error carries', () => {
	it("redacts a secret in an error's context", () => {
		const error = Object.assign(new Error('refused'), {
			context: { request: { qs: { token: 'tok-9a8b7c6d' } } },
		});
		new Redactor(['tok-9a8b7c6d']).error(error);
		expect(JSON.stringify(error.context)).not.toContain('tok-9a8b7c6d');
		expect(error.context.request.qs.token).toBe('[redacted]');
	});

	it("counts the Password credential's one-time code as a secret", () => {
		expect(credentialSecrets({ user: 'olga', password: 'Pw-3f9a1c', code: '731904' })).toContain(
			'731904',
		);
	});
});

describe('Server Address, missing', () => {
	it('reads as empty (the credential then asks for it), not as "undefined"', () => {
		expect(normalizeServerUrl(undefined as unknown as string)).toBe('');
		expect(normalizeServerUrl(null as unknown as string)).toBe('');
	});
});

describe('Server Address, each problem in words', () => {
	it.each([
		['', 'The Server Address is empty: enter the address of your Squadus server, e.g. https://im.example.ru'],
		[undefined, 'The Server Address is empty: enter the address of your Squadus server, e.g. https://im.example.ru'],
		['im.example.ru', 'The Server Address is not a valid address: enter it with http:// or https://, e.g. https://im.example.ru'],
		['ftp://im.example.ru', 'The Server Address must start with https:// or http:// (it starts with ftp:), e.g. https://im.example.ru'],
		['https://olga:pw@im.example.ru', 'The Server Address must not contain a username or password: remove them from the address (e.g. https://im.example.ru) and enter the login in the credential’s own fields'],
		['https://olga@im.example.ru', 'The Server Address must not contain a username or password: remove them from the address (e.g. https://im.example.ru) and enter the login in the credential’s own fields'],
		['https://:pw@im.example.ru', 'The Server Address must not contain a username or password: remove them from the address (e.g. https://im.example.ru) and enter the login in the credential’s own fields'],
		['https://im.example.ru', undefined],
		['http://10.0.0.5:3000/api/v1/', undefined],
	])('%j: %s', (server, problem) => {
		expect(serverAddressProblem(server)).toBe(problem);
	});

	it.each([
		['https://host/squadus/api/v1', 'https://host/squadus'],
		['https://host/api/v10', 'https://host/api/v10'],
		['https://host/api/v1beta', 'https://host/api/v1beta'],
		['https://host///api/v1', 'https://host'],
	])('%s is read as %s', (server, normal) => {
		expect(normalizeServerUrl(server)).toBe(normal);
	});

	it('the origin of an address, or none', () => {
		expect(originOf('https://host:8443/path?q=1')).toBe('https://host:8443');
		expect(originOf('nonsense')).toBeUndefined();
	});
});
