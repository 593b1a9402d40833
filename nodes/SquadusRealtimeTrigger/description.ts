import type { INodeProperties } from 'n8n-workflow';

import { channelLocator, triggerOnProperty } from '../shared/descriptions';

export type RealtimeEvent = 'message' | 'directMessage' | 'mention';

export const eventProperty = triggerOnProperty(
	[
		{
			name: 'Mention of Me',
			value: 'mention',
			description: 'A message that mentions the user of the credential (@username)',
		},
		{
			name: 'New Direct Message',
			value: 'directMessage',
			description: 'A message in a direct message with the user of the credential',
		},
		{
			name: 'New Message',
			value: 'message',
			description: 'A message in a chosen channel or in any room of the user',
		},
	],
	'message',
);

export const properties: INodeProperties[] = [
	eventProperty,
	{
		displayName: 'Messages In',
		name: 'messagesIn',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { event: ['message'] } },
		options: [
			{
				name: 'All My Rooms',
				value: 'all',
				description:
					'Every channel, group and direct message the user is in, including ones joined later',
			},
			{ name: 'One Channel', value: 'channel', description: 'Only the chosen channel' },
		],
		default: 'all',
	},
	{
		...channelLocator({ description: 'The channel to watch' }),
		displayOptions: { show: { event: ['message'], messagesIn: ['channel'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Ignore Bot Messages',
				name: 'ignoreBots',
				type: 'boolean',
				default: true,
				description: 'Whether to skip messages sent by bots and integrations',
			},
			{
				displayName: 'Ignore My Own Messages',
				name: 'ignoreOwn',
				type: 'boolean',
				default: true,
				description:
					'Whether to skip the messages the user of the credential sends (e.g. the replies of this workflow)',
			},
			{
				displayName: 'Ignore System Messages',
				name: 'ignoreSystem',
				type: 'boolean',
				default: true,
				description: 'Whether to skip system messages such as "user joined"',
			},
			{
				displayName: 'Text Contains',
				name: 'textContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice',
				description: 'Only messages whose text contains this (case-insensitive)',
			},
			{
				displayName: 'Text Matches (Regex)',
				name: 'textRegex',
				type: 'string',
				default: '',
				placeholder: 'e.g. ^(help|status)\\b',
				description: 'Only messages whose text matches this regular expression (case-insensitive)',
			},
		],
	},
];
