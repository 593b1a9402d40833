import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { squadusApiRequest } from '../../shared/transport';
import { withoutSecrets } from '../helpers/secrets';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Ivan Petrov',
		description: 'The full name shown in Squadus',
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ivan.petrov',
		description: 'The login name, usually firstname.lastname, without spaces',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'The initial password. Required unless "Set Random Password" is on in Additional Fields.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether the user can log in right away',
			},
			{
				displayName: 'Bio',
				name: 'bio',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'A short description of the user',
			},
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Custom Field',
				default: {},
				description: 'Custom profile fields defined by your Squadus administrator',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Key',
								name: 'key',
								type: 'string',
								default: '',
								placeholder: 'e.g. department',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'e.g. Sales',
							},
						],
					},
				],
			},
			{
				displayName: 'Join Default Channels',
				name: 'joinDefaultChannels',
				type: 'boolean',
				default: true,
				description: 'Whether to add the user to the channels marked as default',
			},
			{
				displayName: 'Nickname',
				name: 'nickname',
				type: 'string',
				default: '',
				placeholder: 'e.g. Vanya',
			},
			{
				displayName: 'Require Password Change',
				name: 'requirePasswordChange',
				type: 'boolean',
				default: false,
				description: 'Whether the user must choose a new password at the first login',
			},
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'multiOptions',
				options: [
					{ name: 'Admin', value: 'admin' },
					{ name: 'Anonymous', value: 'anonymous' },
					{ name: 'App', value: 'app' },
					{ name: 'Bot', value: 'bot' },
					{ name: 'Guest', value: 'guest' },
					{ name: 'Livechat Agent', value: 'livechat-agent' },
					{ name: 'Livechat Manager', value: 'livechat-manager' },
					{ name: 'User', value: 'user' },
				],
				default: ['user'],
				description:
					'The global roles of the user. For a custom role, use an expression that returns a list of role names, e.g. {{ ["user", "auditor"] }}.',
			},
			{
				displayName: 'Send Welcome Email',
				name: 'sendWelcomeEmail',
				type: 'boolean',
				default: false,
				description: 'Whether to send the user a welcome email',
			},
			{
				displayName: 'Set Random Password',
				name: 'setRandomPassword',
				type: 'boolean',
				default: false,
				description:
					'Whether the server should generate a password (and e-mail it); "Password" may then be left empty',
			},
			{
				displayName: 'Status Text',
				name: 'statusText',
				type: 'string',
				default: '',
				placeholder: 'e.g. On vacation until Monday',
			},
			{
				displayName: 'Verified',
				name: 'verified',
				type: 'boolean',
				default: false,
				description: 'Whether the email address is marked as verified',
			},
		],
	},
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

function invalid(this: IExecuteFunctions, i: number, message: string, description: string): never {
	throw new NodeOperationError(this.getNode(), message, { itemIndex: i, description });
}

function toRoles(this: IExecuteFunctions, i: number, raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const roles = list.map((role) => String(role).trim()).filter(Boolean);
	if (roles.length === 0) {
		invalid.call(this, i, 'The parameter "Roles" is empty', 'Pick at least one role, e.g. User');
	}
	return roles;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /users.create (docs/api-map.md)
	const name = String(this.getNodeParameter('name', i)).trim();
	const username = String(this.getNodeParameter('username', i)).trim().replace(/^@/, '');
	const email = String(this.getNodeParameter('email', i)).trim();
	const password = String(this.getNodeParameter('password', i, '') ?? '');
	const { customFields, roles, ...fields } = this.getNodeParameter(
		'additionalFields',
		i,
		{},
	) as IDataObject;

	if (/\s/.test(username)) {
		invalid.call(
			this,
			i,
			`The parameter "Username" contains a space: "${username}"`,
			'A username has no spaces, e.g. ivan.petrov',
		);
	}
	if (!EMAIL.test(email)) {
		invalid.call(
			this,
			i,
			`The parameter "Email" is not an email address: "${email}"`,
			'Enter an address such as ivan.petrov@example.ru',
		);
	}
	if (password === '' && fields.setRandomPassword !== true) {
		invalid.call(
			this,
			i,
			'The parameter "Password" is empty',
			'Enter a password, or turn on "Set Random Password" in Additional Fields',
		);
	}

	// `password` is always sent: Rocket.Chat's validator requires the key even with Set Random
	// Password (then empty, and the server generates one).
	const body: IDataObject = { name, username, email, password, ...fields };
	if (roles !== undefined) body.roles = toRoles.call(this, i, roles);
	const pairs = ((customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	if (pairs.length) {
		body.customFields = Object.fromEntries(
			pairs
				.filter((pair) => String(pair.key ?? '').trim())
				.map((pair) => [String(pair.key).trim(), pair.value]),
		);
	}

	const { user } = (await squadusApiRequest.call(this, 'POST', '/users.create', {
		body,
		itemIndex: i,
		secrets: [body.password],
	})) as { user: IDataObject };
	return withoutSecrets(user);
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
