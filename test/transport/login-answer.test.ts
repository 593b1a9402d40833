// Both login answer shapes (the manual's and Rocket.Chat's method-call envelope), and what a
// refused answer may show. Unit tests of the parser; the node tests run both against the sandbox.
import { methodCallLoginBody, readLoginAnswer, refusedAsInvalid } from '../../nodes/shared/transport/login';

const TOKEN = 'tok-3kJ9x-secret-session';

describe('readLoginAnswer', () => {
	it("reads the manual's answer", () => {
		const answer = readLoginAnswer(200, {
			status: 'success',
			data: { authToken: TOKEN, userId: 'u1', me: { _id: 'u1' } },
		});
		expect(answer).toEqual({ session: { authToken: TOKEN, userId: 'u1', me: { _id: 'u1' } } });
	});

	it("reads Rocket.Chat's method-call envelope", () => {
		const message = JSON.stringify({
			msg: 'result',
			id: '1',
			result: { id: 'u1', token: TOKEN, tokenExpires: { $date: 1 }, type: 'saml' },
		});
		expect(readLoginAnswer(200, { message, success: true })).toEqual({
			session: { authToken: TOKEN, userId: 'u1' },
		});
	});

	it('keeps only the error of a refused envelope', () => {
		const message = JSON.stringify({
			msg: 'result',
			id: '1',
			error: { error: 'Unauthorized', reason: 'Unable to validate the SAML credential token' },
		});
		expect(readLoginAnswer(200, { message, success: true })).toEqual({
			refused: {
				status: 401,
				body: { error: 'Unable to validate the SAML credential token', errorType: 'Unauthorized' },
			},
		});
	});

	it.each([
		['a result without the user id', { msg: 'result', id: '1', result: { token: TOKEN } }],
		['an unknown message', { msg: 'changed', fields: { token: TOKEN } }],
	])('never shows the token of an envelope it cannot use: %s', (_case, call) => {
		const answer = readLoginAnswer(200, { success: true, message: JSON.stringify(call) });
		expect('refused' in answer).toBe(true);
		expect(JSON.stringify(answer)).not.toContain(TOKEN);
	});

	it('never shows the data of a flat answer without a user id', () => {
		const answer = readLoginAnswer(200, { status: 'success', data: { authToken: TOKEN } });
		expect('refused' in answer).toBe(true);
		expect(JSON.stringify(answer)).not.toContain(TOKEN);
	});

	it('recognises a refusal of the request form (invalid-params) and builds the envelope', () => {
		expect(
			refusedAsInvalid(400, {
				success: false,
				error: "must have required property 'message' [invalid-params]",
				errorType: 'invalid-params',
			}),
		).toBe(true);
		expect(refusedAsInvalid(401, { status: 'error', error: 'Unauthorized' })).toBe(false);
		expect(JSON.parse(methodCallLoginBody({ saml: true, credentialToken: 'c' }).message as string)).toEqual({
			msg: 'method',
			id: '1',
			method: 'login',
			params: [{ saml: true, credentialToken: 'c' }],
		});
	});
});

describe('readLoginAnswer: the edges of each shape', () => {
	const session = { status: 'success', data: { authToken: TOKEN, userId: 'u1' } };

	it('a session only with a 2xx status: a 300 or a 400 carrying one is a refusal', () => {
		expect(readLoginAnswer(299, session)).toEqual({ session: { authToken: TOKEN, userId: 'u1' } });
		for (const status of [300, 400]) {
			const answer = readLoginAnswer(status, session);
			expect(answer).toStrictEqual({ refused: { status, body: { status: 'success' } } });
		}
		const envelope = JSON.stringify({ msg: 'result', result: { id: 'u1', token: TOKEN } });
		expect(readLoginAnswer(300, { message: envelope })).toStrictEqual({
			refused: { status: 300, body: { error: 'The server answered the login without a session' } },
		});
	});

	it('a session needs a token and a user ID', () => {
		expect(readLoginAnswer(200, { data: { authToken: '', userId: 'u1' } })).toHaveProperty('refused');
		expect(readLoginAnswer(200, { data: { authToken: TOKEN } })).toHaveProperty('refused');
		expect(readLoginAnswer(200, { data: { authToken: 42, userId: 'u1' } })).toHaveProperty('refused');
		const envelope = (result: object) => ({ message: JSON.stringify({ msg: 'result', result }) });
		expect(readLoginAnswer(200, envelope({ token: TOKEN }))).toHaveProperty('refused');
		expect(readLoginAnswer(200, envelope({ token: '', id: 'u1' }))).toHaveProperty('refused');
	});

	it('keeps `me` only when it is an object', () => {
		expect(readLoginAnswer(200, { data: { authToken: TOKEN, userId: 'u1', me: 'u1' } })).toStrictEqual({
			session: { authToken: TOKEN, userId: 'u1' },
		});
	});

	it('an envelope whose error is not an object is a login without a session', () => {
		const message = JSON.stringify({ msg: 'result', error: 'oops' });
		expect(readLoginAnswer(200, { message })).toStrictEqual({
			refused: { status: 401, body: { error: 'The server answered the login without a session' } },
		});
	});

	it("an envelope's error: its reason, message or code, with the code as errorType only when there is one", () => {
		const refusal = (error: object) =>
			readLoginAnswer(200, { message: JSON.stringify({ msg: 'result', error }) });
		expect(refusal({ reason: 'User is blocked' })).toStrictEqual({
			refused: { status: 401, body: { error: 'User is blocked' } },
		});
		expect(refusal({ message: 'Too many tries', error: 'too-many' })).toStrictEqual({
			refused: { status: 401, body: { error: 'Too many tries', errorType: 'too-many' } },
		});
		expect(refusal({ error: 403 })).toStrictEqual({
			refused: { status: 401, body: { error: 403 } },
		});
		expect(refusal({})).toStrictEqual({ refused: { status: 401, body: { error: 'Login refused' } } });
	});

	it('a refusal keeps the fields the server sent, and says "without a session" only for an empty 2xx', () => {
		expect(readLoginAnswer(401, { status: 'error', message: 'Unauthorized', extra: 'x' })).toStrictEqual({
			refused: { status: 401, body: { status: 'error', message: 'Unauthorized' } },
		});
		expect(readLoginAnswer(200, {})).toStrictEqual({
			refused: { status: 401, body: { error: 'The server answered the login without a session' } },
		});
		expect(readLoginAnswer(200, { success: true })).toStrictEqual({
			refused: { status: 401, body: { success: true } },
		});
		expect(readLoginAnswer(300, {})).toStrictEqual({ refused: { status: 300, body: {} } });
		expect(readLoginAnswer(502, 'Bad gateway')).toStrictEqual({ refused: { status: 502, body: {} } });
	});
});
