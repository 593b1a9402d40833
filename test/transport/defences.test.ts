// Unit checks of transport defences that the mutation sample (docs/testing.md) found untested:
// each expectation below fails when the defence it names is removed. The node-level tests run the
// same code against the sandbox; these pin the edges they do not reach.
import { explainNetworkError, classifyNetworkError } from '../../nodes/shared/transport/errors';
import { readLoginAnswer } from '../../nodes/shared/transport/login';
import { credentialSecrets, Redactor } from '../../nodes/shared/transport/redact';
import { apiUrl } from '../../nodes/shared/transport/url';

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
