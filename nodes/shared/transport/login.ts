import type { IDataObject } from 'n8n-workflow';

import { serverText } from './errors';

/**
 * Login answers in both shapes a Squadus server may give, and the two request forms of
 * `method.callAnon/login`:
 *
 * - the vendor manual (3.1.1-3.1.3): a flat body, answered with
 *   `{ status: 'success', data: { authToken, userId, me } }`;
 * - Rocket.Chat, which Squadus is built on: `{ message: '<EJSON of a DDP method call>' }`,
 *   answered with `{ success: true, message: '<EJSON of { msg: 'result', id, result: { id, token, tokenExpires } }>' }`,
 *   or with `{ msg: 'result', id, error: { error, reason, message } }` inside `message` when the
 *   login is refused.
 */

export interface LoginSession {
	authToken: string;
	userId: string;
	/** the manual's answer has the user; Rocket.Chat's method call does not */
	me?: IDataObject;
}

export type LoginAnswer =
	| { session: LoginSession }
	/** `body` is safe to show: it never holds the answer's session (see readLoginAnswer) */
	| { refused: { status: number; body: IDataObject } };

/** The DDP method call Rocket.Chat's `method.callAnon/login` takes, for one login request. */
export function methodCallLoginBody(loginRequest: IDataObject): IDataObject {
	return {
		message: JSON.stringify({ msg: 'method', id: '1', method: 'login', params: [loginRequest] }),
	};
}

/** Did the server refuse the request's form (HTTP 400 `invalid-params`), rather than the login? */
export function refusedAsInvalid(status: number, body: unknown): boolean {
	// serverText reads the code from `errorType`, or from `error` when that is a bare code
	return status === 400 && serverText(body).errorType === 'invalid-params';
}

function refused(status: number, body: IDataObject): LoginAnswer {
	return { refused: { status: status < 300 ? 401 : status, body } };
}

/**
 * Reads a login answer in either shape. A refusal carries only the server's error fields: never
 * the whole answer, whose `message` envelope may hold a session even when it cannot be read.
 */
export function readLoginAnswer(status: number, body: unknown): LoginAnswer {
	const answer = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const data = answer.data as IDataObject | undefined;
	if (status < 300 && typeof data?.authToken === 'string' && data.authToken && data.userId) {
		return {
			session: {
				authToken: data.authToken,
				userId: String(data.userId),
				...(data.me && typeof data.me === 'object' ? { me: data.me as IDataObject } : {}),
			},
		};
	}
	if (typeof answer.message === 'string' && /^\s*\{/.test(answer.message)) {
		let call: IDataObject | undefined;
		try {
			call = JSON.parse(answer.message) as IDataObject;
		} catch {
			call = undefined;
		}
		const result = call?.result as IDataObject | undefined;
		if (status < 300 && typeof result?.token === 'string' && result.token && result.id) {
			return { session: { authToken: result.token, userId: String(result.id) } };
		}
		const error = call?.error as IDataObject | undefined;
		if (error && typeof error === 'object') {
			return refused(status, {
				error: (error.reason ?? error.message ?? error.error ?? 'Login refused') as string,
				...(typeof error.error === 'string' ? { errorType: error.error } : {}),
			});
		}
		return refused(status, { error: 'The server answered the login without a session' });
	}
	const safe: IDataObject = {};
	for (const key of ['status', 'error', 'errorType', 'message', 'reason', 'details', 'success']) {
		if (answer[key] !== undefined) safe[key] = answer[key];
	}
	if (status < 300 && Object.keys(safe).length === 0)
		safe.error = 'The server answered the login without a session';
	return refused(status, safe);
}
