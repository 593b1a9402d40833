import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { explainNetworkError } from './errors';
import { resolveAuth } from './request';
import { apiUrl } from './url';

export interface AnonymousResponse {
	statusCode: number;
	body: IDataObject;
}

/**
 * POSTs to the API WITHOUT the credential's authentication, for the login calls of Squadus Auth:
 * the credential supplies only the server address and Ignore SSL Issues, never its session
 * headers (httpRequestWithAuthentication would add them). Every status comes back as a
 * response; a network failure becomes a NodeApiError carrying only the message, so the request
 * (with its password or token) never reaches the error.
 */
export async function squadusAnonymousPost(
	this: IExecuteFunctions,
	endpoint: string,
	body: IDataObject,
	itemIndex: number,
): Promise<AnonymousResponse> {
	const { server, credentials } = await resolveAuth.call(this, itemIndex);
	const timeout = Number(this.getNodeParameter('options.timeout', itemIndex, 0));
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: apiUrl(server, endpoint),
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	};
	if (timeout > 0) request.timeout = timeout;
	try {
		return (await this.helpers.httpRequest(request)) as AnonymousResponse;
	} catch (error) {
		const message = (error as Error).message;
		const code = (error as JsonObject).code;
		const explained = explainNetworkError(
			{ message, code: typeof code === 'string' ? code : undefined },
			server,
			'POST',
			timeout > 0 ? timeout : undefined,
		);
		throw new NodeApiError(this.getNode(), { message, code: code ?? null }, { itemIndex, ...explained });
	}
}
