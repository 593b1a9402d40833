import type {
	IHttpRequestOptions,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	ignoreSslIssuesProperty,
	meTestRequest,
	serverAddressProperty,
} from '../nodes/shared/descriptions/credentials';
import { withSquadusHeaders } from '../nodes/shared/transport/authenticate';

export class SquadusTokenApi implements ICredentialType {
	name = 'squadusTokenApi';

	displayName = 'Squadus Token API';

	icon = { light: 'file:../icons/squadus.svg', dark: 'file:../icons/squadus.dark.svg' } as const;

	documentationUrl = 'https://github.com/squadus-community/n8n-nodes-squadus#credentials';

	properties: INodeProperties[] = [
		serverAddressProperty,
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
		ignoreSslIssuesProperty(
			'Whether to connect even if the server certificate cannot be validated, e.g. an internal CA',
		),
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withSquadusHeaders(
			requestOptions,
			credentials,
			{ field: 'accessToken', label: 'Personal Access Token' },
			{ field: 'userId', label: 'User ID' },
		);
	}

	test: ICredentialTestRequest = meTestRequest(
		'Squadus rejected the user ID or personal access token',
	);
}
