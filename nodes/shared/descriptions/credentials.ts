import type { ICredentialTestRequest, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/** What every Squadus credential asks for first. */
export const serverAddressProperty: INodeProperties = {
	displayName: 'Server Address',
	name: 'server',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. https://im-prod.example.ru',
	description: 'The address of your Squadus server, without /api/v1',
};

export function ignoreSslIssuesProperty(description: string): INodeProperties {
	return {
		displayName: 'Ignore SSL Issues (Insecure)',
		name: 'ignoreSslIssues',
		type: 'boolean',
		default: false,
		description,
	};
}

/**
 * Sets the two headers Squadus authenticates by. A generic `authenticate` block would do the
 * same through n8n's expression engine on every request, which costs about 0.3 ms a request.
 */
export function withSquadusHeaders(
	requestOptions: IHttpRequestOptions,
	authToken: unknown,
	userId: unknown,
): IHttpRequestOptions {
	requestOptions.headers = {
		...requestOptions.headers,
		'X-Auth-Token': String(authToken ?? ''),
		'X-User-Id': String(userId ?? ''),
	};
	return requestOptions;
}

/** The credential test: `GET /api/v1/me` with the credential applied; `unauthorized` explains a 401. */
export function meTestRequest(unauthorized: string): ICredentialTestRequest {
	return {
		request: {
			baseURL: '={{$credentials.server.replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "")}}/api/v1',
			url: '/me',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: unauthorized } },
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Squadus API at this Server Address (enter it without /api/v1)',
				},
			},
		],
	};
}
