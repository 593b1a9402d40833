import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { getCredentialType } from '../shared/transport';
import { explainNetworkError, serverText } from '../shared/transport/errors';
import { readLoginAnswer, refusedAsInvalid } from '../shared/transport/login';
import { apiUrl } from '../shared/transport/url';

export interface LoginResult extends IDataObject {
	authToken: string;
	userId: string;
	me?: IDataObject;
}

/**
 * Sends a login call WITHOUT the credential's session headers: the credential only supplies
 * the server address. (The shared transport always authenticates, so this is the one place
 * that calls httpRequest directly.) `rocketChatBody` is sent, once, when the server refuses
 * `body` as invalid: Rocket.Chat's `method.callAnon/login` takes only its method-call envelope.
 * Both answer shapes are read (see readLoginAnswer). Returns `{ authToken, userId, me }`.
 */
export async function anonymousLogin(
	this: IExecuteFunctions,
	i: number,
	endpoint: string,
	body: IDataObject,
	rocketChatBody?: IDataObject,
): Promise<LoginResult> {
	const credentials = await this.getCredentials(getCredentialType.call(this, i), i);
	const timeout = Number(this.getNodeParameter('options.timeout', i, 0));
	const send = async (form: IDataObject): Promise<{ statusCode: number; body: unknown }> => {
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: apiUrl(credentials.server as string, endpoint),
			body: form,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		};
		if (timeout > 0) request.timeout = timeout;
		try {
			// Login calls must not carry the credential's session headers, which
			// httpRequestWithAuthentication would add.
			return await this.helpers.httpRequest(request);
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
	};
	let response = await send(body);
	if (rocketChatBody && refusedAsInvalid(response.statusCode, response.body)) {
		response = await send(rocketChatBody);
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
