import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { redactorFor, resolveAuth, squadusAnonymousRequest } from '../../shared/transport';
import { serverText } from '../../shared/transport/errors';
import { readLoginAnswer, refusedAsInvalid } from '../../shared/transport/login';

export interface LoginResult extends IDataObject {
	authToken: string;
	userId: string;
	me?: IDataObject;
}

const SECRET_KEYS = new Set(['password', 'code', 'credentialToken', 'accessToken']);

/** The secret values of a login body, at any depth (the SAML body nests its token in params). */
function loginSecrets(value: unknown, found: unknown[] = []): unknown[] {
	if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			if (SECRET_KEYS.has(key) && (typeof inner === 'string' || typeof inner === 'number')) {
				found.push(inner);
			} else loginSecrets(inner, found);
		}
	}
	return found;
}

/**
 * Sends a login call WITHOUT the credential's session headers: the credential only supplies
 * the server address (squadusAnonymousRequest). `rocketChatBody` is sent, once, when the
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
	// What the login sends that is secret (not the username or the service name).
	const secrets = loginSecrets(body);
	let response = await squadusAnonymousRequest.call(this, endpoint, body, { itemIndex: i, secrets });
	if (rocketChatBody && refusedAsInvalid(response.statusCode, response.body)) {
		response = await squadusAnonymousRequest.call(this, endpoint, rocketChatBody, {
			itemIndex: i,
			secrets,
		});
	}
	const answer = readLoginAnswer(response.statusCode, response.body);
	if ('refused' in answer) {
		// Only the server's error fields: a refused answer may still carry a session.
		const { status, body: refusal } = answer.refused;
		const reason = refusal.message ?? refusal.error ?? serverText(refusal).text;
		const error = new NodeApiError(this.getNode(), refusal as JsonObject, {
			itemIndex: i,
			httpCode: String(status),
			message: `Login failed: ${String(reason ?? 'The server did not return a session')}`,
			description:
				refusal.error === 'totp-required'
					? 'The account uses two-factor authentication: set "Second-Factor Code" in Options'
					: 'Check the login details; the server rejected them',
		});
		// The server may echo the password or token it was sent.
		throw redactorFor(await resolveAuth.call(this, i), secrets).error(error);
	}
	const { authToken, userId, me } = answer.session;
	return { authToken, userId, ...(me ? { me } : {}) };
}
