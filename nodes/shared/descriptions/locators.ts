import type { INodeProperties } from 'n8n-workflow';

type Overrides = Partial<INodeProperties>;

/** A channel: From List (searchable, paged on the server) / By ID / By Name. */
export function channelLocator(overrides: Overrides = {}): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channel',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The channel to use',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a channel...',
				typeOptions: { searchListMethod: 'searchChannels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. GENERAL or 8MvNjAh5hDzbfjmgt',
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. general',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^#?[^\\s#]+$',
							errorMessage: 'Channel names cannot contain spaces',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** A user: From List / By ID / By Username. */
export function userLocator(overrides: Overrides = {}): INodeProperties {
	return {
		displayName: 'User',
		name: 'user',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The user to use',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. BsNr28znDkG8aeo7W',
			},
			{
				displayName: 'By Username',
				name: 'username',
				type: 'string',
				placeholder: 'e.g. ivan.petrov',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^@?[^\\s@]+$', errorMessage: 'Usernames cannot contain spaces' },
					},
				],
			},
		],
		...overrides,
	};
}

/** Any room the user is in (channel, direct message, team): From List / By ID. */
export function roomLocator(overrides: Overrides = {}): INodeProperties {
	return {
		displayName: 'Room',
		name: 'room',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The room (channel, direct message or team) to use',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a room...',
				typeOptions: { searchListMethod: 'searchRooms', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 8MvNjAh5hDzbfjmgt',
			},
		],
		...overrides,
	};
}

/** A conference: From List / By Number. */
export function conferenceLocator(overrides: Overrides = {}): INodeProperties {
	return {
		displayName: 'Conference',
		name: 'conference',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The conference to use',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a conference...',
				typeOptions: { searchListMethod: 'searchConferences', searchable: true },
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. 1234567',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A conference number has digits only' },
					},
				],
			},
		],
		...overrides,
	};
}
