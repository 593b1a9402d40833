import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

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

/** The credential test: `GET /api/v1/me` with the credential applied; `unauthorized` explains a 401. */
export function meTestRequest(unauthorized: string): ICredentialTestRequest {
	return {
		request: {
			baseURL: '={{$credentials.server.replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "")}}/api/v1',
			url: '/me',
			// One origin: a redirect is reported (rules below), never followed with the credential.
			disableFollowRedirect: true,
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: unauthorized } },
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message:
						'Squadus answered with a redirect, which n8n does not follow with the credential: enter the address the server redirects to as the Server Address',
				},
			})),
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
