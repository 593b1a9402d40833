// The Redactor and the secrets of a credential, case by case: each way a secret can be echoed
// and each part of an error it can hide in. The suite-wide scan (test/harness/secret-log.ts)
// checks every run's output; this file pins the redaction rules themselves.
import { credentialSecrets, REDACTED, Redactor } from '../../nodes/shared/transport/redact';

describe('the secrets of a credential', () => {
	it('every secret field, and the OAuth2 token data, as texts only', () => {
		expect(
			credentialSecrets({
				server: 'https://im.example.test',
				user: 'olga',
				password: 'pw-0001',
				accessToken: 'pat-0002',
				authToken: 'session-0003',
				totpSecret: 'JBSWY3DP0004',
				code: '000005',
				clientSecret: 'cs-0006',
				clientId: 'n8n',
				oauthTokenData: { access_token: 'at-0007', refresh_token: 'rt-0008', id_token: 'it-0009', token_type: 'Bearer' },
			}),
		).toEqual(['pw-0001', 'pat-0002', 'session-0003', 'JBSWY3DP0004', '000005', 'cs-0006', 'at-0007', 'rt-0008', 'it-0009']);
	});

	it('skips fields that are empty or not texts', () => {
		expect(credentialSecrets({ user: 'olga', password: 'pw-0001', code: 123456, oauthTokenData: 'none' })).toEqual([
			'pw-0001',
		]);
		expect(credentialSecrets({})).toEqual([]);
	});
});

describe('the Redactor', () => {
	const SECRET = 'tok-7c1e9a55';

	it('skips what is not a text, and leaves every value as it is when there is no secret', () => {
		const redactor = new Redactor([12345678, undefined, null, { a: 'b' }, SECRET]);
		expect(redactor.text(`12345678 ${SECRET}`)).toBe(`12345678 ${REDACTED}`);
		const value = { a: [1, 'x'] };
		const none = new Redactor([undefined]);
		expect(none.value(value)).toBe(value);
		expect(none.text('anything')).toBe('anything');
		const error = new Error(SECRET);
		expect(none.error(error).message).toBe(SECRET);
	});

	it('a secret echoed JSON-escaped inside a JSON text', () => {
		const secret = 'pa"ss\\word-1';
		const echoed = JSON.stringify({ error: `bad ${secret} here` });
		expect(new Redactor([secret]).text(echoed)).toBe(JSON.stringify({ error: `bad ${REDACTED} here` }));
		expect(new Redactor([secret]).text(echoed)).not.toContain('ss\\\\word');
	});

	it('a secret echoed URL-encoded, as in a form body or a query string', () => {
		const secret = 'my secret+1/2';
		const redactor = new Redactor([secret]);
		expect(redactor.text(`password=${new URLSearchParams({ p: secret }).toString().slice(2)}&x=1`)).toBe(
			`password=${REDACTED}&x=1`,
		);
		expect(redactor.text(`/login?p=${encodeURIComponent(secret)}`)).toBe(`/login?p=${REDACTED}`);
	});

	it('copies any JSON-like value: keys, arrays, buffers, numbers, booleans and null', () => {
		const redactor = new Redactor([SECRET]);
		const value = {
			[SECRET]: 'key',
			list: [`a ${SECRET}`, 2],
			raw: Buffer.from(`body ${SECRET}`),
			n: 1,
			ok: true,
			none: null,
		};
		expect(redactor.value(value)).toEqual({
			[REDACTED]: 'key',
			list: [`a ${REDACTED}`, 2],
			raw: `body ${REDACTED}`,
			n: 1,
			ok: true,
			none: null,
		});
		expect(Array.isArray(redactor.value([SECRET]))).toBe(true);
	});

	it('ends at a cycle', () => {
		const value: Record<string, unknown> = { text: SECRET };
		value.self = value;
		expect(new Redactor([SECRET]).value(value)).toEqual({ text: REDACTED, self: undefined });
	});

	it("an error's messages, errorResponse and context, and nothing it did not have", () => {
		const error = Object.assign(new Error('refused'), {
			messages: [`token ${SECRET}`],
			errorResponse: { echoed: SECRET },
		});
		new Redactor([SECRET]).error(error);
		expect(error.messages).toEqual([`token ${REDACTED}`]);
		expect(error.errorResponse).toEqual({ echoed: REDACTED });
		expect(error).not.toHaveProperty('context');
		expect('cause' in error).toBe(false);
	});

	it("an error's cause stays a non-enumerable own property, as Error's own cause is", () => {
		const error = new Error('refused', { cause: { token: SECRET } });
		new Redactor([SECRET]).error(error);
		expect(Object.getOwnPropertyDescriptor(error, 'cause')).toEqual({
			value: { token: REDACTED },
			enumerable: false,
			configurable: true,
			writable: true,
		});
		expect(JSON.stringify(error)).toBe('{}');
	});

	it('passes on what is not an error object unchanged', () => {
		const redactor = new Redactor([SECRET]);
		expect(redactor.error(null)).toBeNull();
		expect(redactor.error(undefined)).toBeUndefined();
		expect(redactor.error(0)).toBe(0);
	});
});
