import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { getCredentialType } from '../shared/transport';
import { explainNetworkError } from '../shared/transport/errors';
import { apiUrl } from '../shared/transport/url';

export interface LoginResult extends IDataObject {
	authToken: string;
	userId: string;
	me: IDataObject;
}

/**
 * Sends a login call WITHOUT the credential's session headers: the credential only supplies
 * the server address. (The shared transport always authenticates, so this is the one place
 * that calls httpRequest directly.) Returns `{ authToken, userId, me }`.
 */
export async function anonymousLogin(
	this: IExecuteFunctions,
	i: number,
	endpoint: string,
	body: IDataObject,
): Promise<LoginResult> {
	const credentials = await this.getCredentials(getCredentialType.call(this, i), i);
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: apiUrl(credentials.server as string, endpoint),
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	};
	const timeout = Number(this.getNodeParameter('options.timeout', i, 0));
	if (timeout > 0) request.timeout = timeout;
	let response: { statusCode: number; body: IDataObject };
	try {
		// Login calls must not carry the credential's session headers, which
		// httpRequestWithAuthentication would add.
		// eslint-disable-next-line @n8n/community-nodes/no-http-request-with-manual-auth
		response = await this.helpers.httpRequest(request);
	} catch (error) {
		// Only the message: the request (with its password or token) must not reach the error.
		const message = (error as Error).message;
		const code = (error as JsonObject).code;
		const explained = explainNetworkError(
			{ message, code: typeof code === 'string' ? code : undefined },
			String(credentials.server),
			'POST',
			timeout > 0 ? timeout : undefined,
		);
		throw new NodeApiError(
			this.getNode(),
			{ message, code: code ?? null },
			{ itemIndex: i, ...explained },
		);
	}
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
