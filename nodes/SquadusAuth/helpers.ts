import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { squadusAnonymousPost } from '../shared/transport';
import { serverText } from '../shared/transport/errors';
import { readLoginAnswer, refusedAsInvalid } from '../shared/transport/login';

export interface LoginResult extends IDataObject {
	authToken: string;
	userId: string;
	me?: IDataObject;
}

/**
 * Sends a login call WITHOUT the credential's session headers (the transport's anonymous POST:
 * the credential only supplies the server address). `rocketChatBody` is sent, once, when the
 * server refuses `body` as invalid: Rocket.Chat's `method.callAnon/login` takes only its
 * method-call envelope. Both answer shapes are read (see readLoginAnswer).
 * Returns `{ authToken, userId, me }` (`me` when the server's answer has it).
 */
export async function anonymousLogin(
	this: IExecuteFunctions,
	i: number,
	endpoint: string,
	body: IDataObject,
	rocketChatBody?: IDataObject,
): Promise<LoginResult> {
	let response = await squadusAnonymousPost.call(this, endpoint, body, i);
	if (rocketChatBody && refusedAsInvalid(response.statusCode, response.body)) {
		response = await squadusAnonymousPost.call(this, endpoint, rocketChatBody, i);
	}
	const answer = readLoginAnswer(response.statusCode, response.body);
	if ('refused' in answer) {
		// Only the server's error fields: a refused answer may still carry a session.
		const { status, body: refusal } = answer.refused;
		const reason = refusal.message ?? refusal.error ?? serverText(refusal).text;
		throw new NodeApiError(this.getNode(), refusal as JsonObject, {
			itemIndex: i,
			httpCode: String(status),
			message: `Login failed: ${String(reason ?? 'The server did not return a session')}`,
			description:
				refusal.error === 'totp-required'
					? 'The account uses two-factor authentication: set "Second-Factor Code" in Options'
					: 'Check the login details; the server rejected them',
		});
	}
	const { authToken, userId, me } = answer.session;
	return { authToken, userId, ...(me ? { me } : {}) };
}
