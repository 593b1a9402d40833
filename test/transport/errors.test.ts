// What the transport's errors say, word for word: every explanation a user can get for a request
// without an answer, every description of an HTTP error, and how Rocket.Chat's answers are read.
// The node tests see these texts in context; this file pins each branch (mutation testing,
// docs/testing.md, found them loosely checked).
import type { INode } from 'n8n-workflow';

import {
	classifyNetworkError,
	explainNetworkError,
	httpError,
	serverText,
	sessionRefusedError,
} from '../../nodes/shared/transport/errors';

const node = { name: 'Squadus', type: 'squadusChat' } as INode;
const SERVER = 'https://im.example.test';
const NOT_REPEATED =
	' The request was not sent again, because Squadus may already have carried it out: check before running it again.';

describe('a request without an answer', () => {
	it.each([
		[{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }, 'timeout'],
		[{ code: 'ECONNABORTED', message: 'x' }, 'timeout'],
		[{ message: 'Timeout of 500ms exceeded' }, 'timeout'],
		[{ message: 'unable to verify the first certificate' }, 'tls'],
		[{ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, 'tls'],
		[{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'connect'],
		[{ code: 'EPIPE', message: 'write EPIPE' }, 'drop'],
		[{ message: 'Premature close' }, 'drop'],
		[{ message: 'stream has been aborted' }, 'drop'],
		[{}, 'other'],
		[{ code: 'undefined' }, 'other'],
	])('%j is a %s', (raw, kind) => {
		expect(classifyNetworkError(raw)).toBe(kind);
	});

	it.each([
		...[
			'DEPTH_ZERO_SELF_SIGNED_CERT',
			'SELF_SIGNED_CERT_IN_CHAIN',
			'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
			'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
			'UNABLE_TO_GET_ISSUER_CERT',
			'CERT_HAS_EXPIRED',
			'CERT_NOT_YET_VALID',
			'ERR_TLS_CERT_ALTNAME_INVALID',
		].map((code) => [code, 'tls']),
		...[
			'ECONNREFUSED',
			'ENOTFOUND',
			'EAI_AGAIN',
			'EHOSTUNREACH',
			'ENETUNREACH',
			'EADDRNOTAVAIL',
			'ERR_INVALID_URL',
			'EPROTO',
		].map((code) => [code, 'connect']),
		...['ECONNRESET', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET'].map((code) => [code, 'drop']),
	])('the code %s alone is a %s', (code, kind) => {
		expect(classifyNetworkError({ code, message: 'no words to go by' })).toBe(kind);
	});

	it('a timeout names the Timeout, or the time limit when none was set', () => {
		expect(explainNetworkError({ code: 'ETIMEDOUT' }, SERVER, 'GET', 2500)).toEqual({
			message: 'Squadus did not answer within 2.5 s',
			description:
				"The request timed out. If the server is just slow, raise the node's Options → Timeout.",
		});
		expect(explainNetworkError({ code: 'ETIMEDOUT' }, SERVER, 'GET').message).toBe(
			'Squadus did not answer within the time limit',
		);
	});

	it('a write that timed out says it was not sent again; a read (GET or HEAD) does not', () => {
		expect(explainNetworkError({ code: 'ETIMEDOUT' }, SERVER, 'POST', 1000).description).toBe(
			`The request timed out.${NOT_REPEATED} If the server is just slow, raise the node's Options → Timeout.`,
		);
		for (const method of ['GET', 'HEAD'] as const) {
			expect(explainNetworkError({ code: 'ETIMEDOUT' }, SERVER, method, 1000).description).not.toContain(
				'not sent again',
			);
		}
		// a write is anything but GET and HEAD, the default being GET
		expect(explainNetworkError({ code: 'EPIPE' }, SERVER).description).not.toContain('not sent again');
		expect(explainNetworkError({ code: 'EPIPE' }, SERVER, 'DELETE').description).toContain('not sent again');
	});

	it('a certificate problem: self-signed, or not verified', () => {
		expect(explainNetworkError({ code: 'SELF_SIGNED_CERT_IN_CHAIN' }, SERVER)).toEqual({
			message: 'The Squadus server uses a self-signed TLS certificate, which n8n does not trust',
			description: `If you trust ${SERVER}, turn on "Ignore SSL Issues (Insecure)" in the credential, or make its certificate authority known to n8n (NODE_EXTRA_CA_CERTS) (error code SELF_SIGNED_CERT_IN_CHAIN).`,
		});
		expect(explainNetworkError({ message: 'self signed certificate' }, SERVER).message).toBe(
			'The Squadus server uses a self-signed TLS certificate, which n8n does not trust',
		);
		expect(explainNetworkError({ code: 'CERT_HAS_EXPIRED' }, SERVER).message).toBe(
			'The TLS certificate of the Squadus server could not be verified',
		);
	});

	it('no connection: the address, and the error code in the description only', () => {
		expect(explainNetworkError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }, SERVER)).toEqual({
			message: `Could not connect to the Squadus server at ${SERVER}`,
			description: `Check the Server Address in the credential (e.g. https://im.example.ru) and that n8n can reach it (error code ENOTFOUND).`,
		});
		expect(explainNetworkError({ code: 'ERR_INVALID_URL' }, SERVER).description).toBe(
			'Check the Server Address in the credential (e.g. https://im.example.ru) and that n8n can reach it (error code ERR_INVALID_URL).',
		);
	});

	it('a dropped connection', () => {
		expect(explainNetworkError({ message: 'socket hang up' }, SERVER, 'POST')).toEqual({
			message: 'The connection to Squadus was closed before it answered',
			description: `The server or a proxy dropped the connection.${NOT_REPEATED}`,
		});
	});

	it('anything else keeps its own words', () => {
		expect(explainNetworkError({ code: 'EWEIRD', message: 'weird' }, SERVER)).toEqual({
			message: 'The request to Squadus failed',
			description: 'weird (error code EWEIRD)',
		});
		expect(explainNetworkError({}, SERVER).description).toBe('Unknown error');
	});
});

describe("Rocket.Chat's answer, read", () => {
	it.each([
		[null, {}],
		['Bad gateway', {}],
		[Buffer.from('{"error":"x"}'), {}],
		[{ success: false, error: 'Room not found', message: 'other' }, { text: 'Room not found' }],
		[{ success: false, error: 'totp-required' }, { text: 'totp-required', errorType: 'totp-required' }],
		[
			{ success: false, error: 'totp-required', message: 'TOTP Required' },
			{ text: 'TOTP Required', errorType: 'totp-required' },
		],
		[{ success: false, reason: 'Blocked by policy' }, { text: 'Blocked by policy' }],
		[{ success: false, error: 'Not allowed [error-not-allowed]' }, { text: 'Not allowed [error-not-allowed]', errorType: 'error-not-allowed' }],
		[{ success: false, error: 'Not allowed [error-not-allowed]  ' }, { text: 'Not allowed [error-not-allowed]  ', errorType: 'error-not-allowed' }],
		[{ success: false, error: 'Failed [x] at step 2' }, { text: 'Failed [x] at step 2' }],
		[{ success: false, error: 'Failed [no way]' }, { text: 'Failed [no way]' }],
		[{ success: false, error: 'Failed [a]', errorType: 'error-given' }, { text: 'Failed [a]', errorType: 'error-given' }],
	])('%j reads as %j', (body, expected) => {
		const { text, errorType } = serverText(body);
		expect({ text, errorType }).toEqual({ text: undefined, errorType: undefined, ...expected });
	});
});

describe('HTTP errors, described', () => {
	const where = { endpoint: '/rooms.info?roomId=r1', itemIndex: 0 };
	const describe_ = (status: number, body: unknown, attempts = 1) =>
		httpError(node, status, body, { ...where, attempts });

	it('401: check the credential', () => {
		expect(describe_(401, { status: 'error', message: 'You must be logged in to do this.' }).description).toBe(
			'Squadus did not accept the credential. Check it: for Password the username, password and second factor; for Personal Access Token the user ID and token (it may have been revoked); for OAuth2 reconnect the account.',
		);
	});

	it.each(['error-room-not-found', 'invalid-channel', 'error-invalid-room'])('%s: check the channel or room', (errorType) => {
		expect(describe_(400, { success: false, error: 'No room', errorType }).description).toBe(
			'Check the channel or room: it does not exist, or the account cannot see it. Choose it from the list, or check its ID or name.',
		);
	});

	it('error-invalid-user: check the user', () => {
		expect(describe_(400, { success: false, error: 'Invalid user', errorType: 'error-invalid-user' }).description).toBe(
			'Check the user: no Squadus user matches the given ID or username.',
		);
	});

	it('invalid-params names a parameter in single or double quotes', () => {
		expect(
			describe_(400, { success: false, error: 'must have required property "roomId"', errorType: 'invalid-params' }).description,
		).toBe('Squadus rejected the parameter "roomId". Check its value.');
		expect(
			describe_(400, { success: false, error: "must NOT have additional property 'members[0]'", errorType: 'invalid-params' }).description,
		).toBe('Squadus rejected the parameter "members[0]". Check its value.');
	});

	it('404: the action it has no such thing for, without the query', () => {
		expect(describe_(404, { success: false, error: 'Not found' }).description).toBe(
			`Squadus has no "rooms.info" here. Check the Server Address in the credential (the server's address, without /api/v1) and the ID you gave.`,
		);
	});

	it('5xx: the server failed, and how many times in a row', () => {
		expect(describe_(502, 'Bad gateway').description).toBe(
			'The Squadus server failed to process the request. Try again later; if it persists, ask its administrator.',
		);
		expect(describe_(500, { success: false, error: 'boom' }, 3).description).toBe(
			'The Squadus server failed to process the request, 3 times in a row. Try again later; if it persists, ask its administrator.',
		);
	});

	it('a plain 400 with no known error type has no description to add', () => {
		expect(describe_(400, { success: false, error: 'Something odd' }).description).toBeUndefined();
	});

	it('without a text, the message names the rate limit, the status or a failure', () => {
		expect(describe_(429, '').message).toBe('Squadus rate limit reached');
		expect(describe_(502, '<html>Bad gateway</html>').message).toBe('Squadus answered with HTTP 502');
		expect(describe_(0, { success: false }).message).toBe('Squadus reported a failure');
		expect(describe_(0, { success: false }).httpCode).toBeNull();
		expect(describe_(502, '').httpCode).toBe('502');
	});

	it("keeps an object answer for n8n's error details, never a text or a buffer", () => {
		const body = { success: false, error: 'x', details: { a: 1 } };
		expect(describe_(400, body).errorResponse).toEqual(body);
		expect(describe_(502, '<html>secret page</html>').errorResponse).toEqual({});
		expect(describe_(502, Buffer.from('{"a":1}')).errorResponse).toEqual({});
	});

	it('an answer without an error type adds none to the context', () => {
		expect(describe_(400, { success: false, error: 'Something odd' }).context).not.toHaveProperty('errorType');
	});
});

describe('a session refused right after the login', () => {
	it("quotes Squadus' answer and names the action", () => {
		const error = sessionRefusedError(node, { status: 'error', message: 'You must be logged in to do this.' }, {
			endpoint: '/me?fields=1',
			itemIndex: 1,
		});
		expect(error.message).toBe('Squadus refused the session of the credential right after logging in');
		expect(error.description).toMatch(
			/^Squadus answered HTTP 401 \("You must be logged in to do this\."\) to "me" although the login/,
		);
		expect(error.context.itemIndex).toBe(1);
		expect(error.context).not.toHaveProperty('errorType');
		const bare = sessionRefusedError(node, '', { endpoint: '/me', itemIndex: 0 });
		expect(bare.description).toMatch(/^Squadus answered HTTP 401 to "me" although/);
		const typed = sessionRefusedError(node, { success: false, error: 'x', errorType: 'error-blocked' }, { endpoint: '/me', itemIndex: 0 });
		expect(typed.context.errorType).toBe('error-blocked');
	});
});
