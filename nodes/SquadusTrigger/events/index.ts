import type { INodeProperties } from 'n8n-workflow';

import { triggerOnProperty } from '../../shared/descriptions';
import type { TriggerEvent } from '../types';
import { conferenceEvent, description as conferenceDescription } from './conference.event';
import * as newChannelMessage from './newChannelMessage.event';
import * as newDirectMessage from './newDirectMessage.event';

export const events: Record<string, TriggerEvent> = {
	newChannelMessage,
	newDirectMessage,
	conferenceCreated: conferenceEvent('conferenceCreated'),
	conferenceStarted: conferenceEvent('conferenceStarted'),
	conferenceEnded: conferenceEvent('conferenceEnded'),
};

export const eventProperty = triggerOnProperty(
	[
		{
			name: 'Conference Created',
			value: 'conferenceCreated',
			description: 'A conference is created or booked',
		},
		{ name: 'Conference Ended', value: 'conferenceEnded', description: 'A conference ends' },
		{ name: 'Conference Started', value: 'conferenceStarted', description: 'A conference starts' },
		{
			name: 'New Direct Message',
			value: 'newDirectMessage',
			description: 'Someone writes to you in a direct message',
		},
		{
			name: 'New Message in Channel',
			value: 'newChannelMessage',
			description: 'A message is posted in a channel',
		},
	],
	'newChannelMessage',
);

const messageEvents = ['newChannelMessage', 'newDirectMessage'];

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Include My Own Messages',
			name: 'includeOwnMessages',
			type: 'boolean',
			default: false,
			description: 'Whether to also trigger on the messages you send yourself',
			displayOptions: { show: { '/event': ['newDirectMessage'] } },
		},
		{
			displayName: 'Include System Messages',
			name: 'includeSystemMessages',
			type: 'boolean',
			default: false,
			description: 'Whether to also trigger on system messages such as "user joined"',
			displayOptions: { show: { '/event': messageEvents } },
		},
		{
			displayName: 'Replay History on First Poll',
			name: 'replayHistory',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation emits everything already there. Off: only what arrives after activation.',
		},
		{
			displayName: 'Text Contains',
			name: 'textContains',
			type: 'string',
			default: '',
			placeholder: 'e.g. invoice',
			description: 'Only messages whose text contains this (case-insensitive)',
			displayOptions: { show: { '/event': messageEvents } },
		},
	],
};

export const descriptions: INodeProperties[] = [
	...newChannelMessage.description,
	...newDirectMessage.description,
	...conferenceDescription,
	optionsProperty,
];
