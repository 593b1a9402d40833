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
