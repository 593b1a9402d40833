import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { squadusAnonymousPost } from '../shared/transport';

export interface LoginResult extends IDataObject {
	authToken: string;
	userId: string;
	me: IDataObject;
}

/**
 * Sends a login call WITHOUT the credential's session headers (the transport's anonymous POST:
 * the credential only supplies the server address). Returns `{ authToken, userId, me }`.
 */
export async function anonymousLogin(
	this: IExecuteFunctions,
	i: number,
	endpoint: string,
	body: IDataObject,
): Promise<LoginResult> {
	const response = await squadusAnonymousPost.call(this, endpoint, body, i);
	const answer = (response.body ?? {}) as IDataObject;
	const data = answer.data as IDataObject | undefined;
	if (
		response.statusCode >= 400 ||
		answer.success === false ||
		answer.status === 'error' ||
		!data?.authToken
	) {
		const reason = String(answer.message ?? answer.error ?? 'The server did not return a session');
		throw new NodeApiError(this.getNode(), answer as JsonObject, {
			itemIndex: i,
			httpCode: String(response.statusCode),
			message: `Login failed: ${reason}`,
			description:
				answer.error === 'totp-required'
					? 'The account uses two-factor authentication: set "Second-Factor Code" in Options'
					: 'Check the login details; the server rejected them',
		});
	}
	return {
		authToken: data.authToken as string,
		userId: data.userId as string,
		me: data.me as IDataObject,
	};
}
