import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { redactorFor, resolveAuth, squadusAnonymousRequest } from '../shared/transport';

export interface LoginResult extends IDataObject {
	authToken: string;
	userId: string;
	me: IDataObject;
}

/**
 * Sends a login call WITHOUT the credential's session headers: the credential only supplies
 * the server address (squadusAnonymousRequest). Returns `{ authToken, userId, me }`.
 */
export async function anonymousLogin(
	this: IExecuteFunctions,
	i: number,
	endpoint: string,
	body: IDataObject,
): Promise<LoginResult> {
	// What the login sends that is secret (not the username or the service name).
	const secrets = ['password', 'code', 'credentialToken', 'accessToken'].map((key) => body[key]);
	const response = await squadusAnonymousRequest.call(this, endpoint, body, { itemIndex: i, secrets });
	const answer = (response.body ?? {}) as IDataObject;
	const data = answer.data as IDataObject | undefined;
	if (
		response.statusCode >= 400 ||
		answer.success === false ||
		answer.status === 'error' ||
		!data?.authToken
	) {
		const reason = String(answer.message ?? answer.error ?? 'The server did not return a session');
		const error = new NodeApiError(this.getNode(), answer as JsonObject, {
			itemIndex: i,
			httpCode: String(response.statusCode),
			message: `Login failed: ${reason}`,
			description:
				answer.error === 'totp-required'
					? 'The account uses two-factor authentication: set "Second-Factor Code" in Options'
					: 'Check the login details; the server rejected them',
		});
		// The server may echo the password or token it was sent.
		throw redactorFor(await resolveAuth.call(this, i), secrets).error(error);
	}
	return {
		authToken: data.authToken as string,
		userId: data.userId as string,
		me: data.me as IDataObject,
	};
}
