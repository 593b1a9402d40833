import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// Stub: completed in the credentials issue (provider token exchanged for a Squadus session).
export class SquadusOAuth2Api implements ICredentialType {
	name = 'squadusOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Squadus OAuth2 API';

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
		},
	];
}
