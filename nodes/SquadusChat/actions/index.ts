import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';
import * as pin from './pin.operation';
import * as report from './report.operation';
import * as send from './send.operation';
import * as star from './star.operation';
import * as unpin from './unpin.operation';
import * as unstar from './unstar.operation';

export const operations = { send, delete: del, get, pin, unpin, star, unstar, report };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delete Message',
			value: 'delete',
			action: 'Delete a message',
			description: 'Delete a message from a room',
		},
		{
			name: 'Get Message',
			value: 'get',
			action: 'Get a message',
			description: 'Get a message by its ID',
		},
		{
			name: 'Pin',
			value: 'pin',
			action: 'Pin a message',
			description: 'Pin a message in its room',
		},
		{
			name: 'Report',
			value: 'report',
			action: 'Report a message',
			description: 'Report a message to the administrators',
		},
		{
			name: 'Send Message',
			value: 'send',
			action: 'Send a message',
			description: 'Send a message to a channel, a user or a room',
		},
		{
			name: 'Star',
			value: 'star',
			action: 'Star a message',
			description: 'Star a message for yourself',
		},
		{
			name: 'Unpin',
			value: 'unpin',
			action: 'Unpin a message',
			description: 'Remove the pin from a message',
		},
		{
			name: 'Unstar',
			value: 'unstar',
			action: 'Unstar a message',
			description: 'Remove your star from a message',
		},
	],
	default: 'send',
};

export const descriptions: INodeProperties[] = [
	...send.description,
	...del.description,
	...get.description,
	...pin.description,
	...unpin.description,
	...star.description,
	...unstar.description,
	...report.description,
];
