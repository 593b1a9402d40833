import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { credentialTypeFor, type SquadusCredentialType } from '../types';
import { apiUrl, normalizeServerUrl } from './url';

export type SquadusContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface SquadusRequestOptions {
	body?: IDataObject | IDataObject[] | FormData;
	qs?: IDataObject;
	headers?: IDataObject;
	/** The input item the request belongs to, for error messages. */
	itemIndex?: number;
	/** An absolute path on the server (e.g. a file download link) instead of an `/api/v1` endpoint. */
	serverPath?: boolean;
	/** Return the raw body as a Buffer (file downloads). */
	binary?: boolean;
	returnFullResponse?: boolean;
}

/** The credential type selected by the node's Authentication parameter. */
export function getCredentialType(this: SquadusContext, itemIndex = 0): SquadusCredentialType {
	return credentialTypeFor(this.getNodeParameter('authentication', itemIndex, 'password') as string);
}

export async function getServerUrl(this: SquadusContext, itemIndex = 0): Promise<string> {
	const credentials = await this.getCredentials(getCredentialType.call(this, itemIndex), itemIndex);
	return normalizeServerUrl(credentials.server as string);
}

/**
 * The one request function of the package. It picks the credential from the node's
 * Authentication parameter, builds the URL from the credential's server address and turns
 * HTTP errors and `success: false` answers into n8n errors carrying the server's message.
 */
export async function squadusApiRequest(
	this: SquadusContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: SquadusRequestOptions = {},
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
	const itemIndex = options.itemIndex ?? 0;
	const credentialType = getCredentialType.call(this, itemIndex);
	const credentials = await this.getCredentials(credentialType, itemIndex);
	const server = normalizeServerUrl(credentials.server as string);
	const url = options.serverPath
		? `${server}${endpoint.startsWith('/') ? '' : '/'}${endpoint}`
		: apiUrl(server, endpoint);

	const request: IHttpRequestOptions = {
		method,
		url,
		qs: options.qs,
		headers: options.headers,
		json: !options.binary,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	};
	if (options.body !== undefined) request.body = options.body;
	if (options.binary) {
		request.encoding = 'arraybuffer';
		request.returnFullResponse = true;
	} else if (options.returnFullResponse) {
		request.returnFullResponse = true;
	}

	let response;
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, request);
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw error;
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}

	const body = options.binary || options.returnFullResponse ? response?.body : response;
	if (body && typeof body === 'object' && !Buffer.isBuffer(body) && body.success === false) {
		const message = String(body.error ?? body.message ?? 'The server reported a failure');
		throw new NodeApiError(this.getNode(), body as JsonObject, { message, itemIndex });
	}
	return response;
}
