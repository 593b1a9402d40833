import type { INodeProperties } from 'n8n-workflow';

import * as acceptCall from './acceptCall.operation';
import * as create from './create.operation';
import * as createChat from './createChat.operation';
import * as declineCall from './declineCall.operation';
import * as generateAccessToken from './generateAccessToken.operation';
import * as get from './get.operation';
import * as getChat from './getChat.operation';
import * as getFeatures from './getFeatures.operation';
import * as getFull from './getFull.operation';
import * as getManyForUser from './getManyForUser.operation';
import * as getManyInMyRooms from './getManyInMyRooms.operation';
import * as getManyInRoom from './getManyInRoom.operation';
import * as getMeeting from './getMeeting.operation';
import * as inviteByCall from './inviteByCall.operation';
import * as inviteByMessage from './inviteByMessage.operation';
import * as start from './start.operation';
import * as update from './update.operation';

export const operations = {
	acceptCall,
	create,
	createChat,
	declineCall,
	generateAccessToken,
	get,
	getChat,
	getFeatures,
	getFull,
	getManyForUser,
	getManyInMyRooms,
	getManyInRoom,
	getMeeting,
	inviteByCall,
	inviteByMessage,
	start,
	update,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Accept Call',
			value: 'acceptCall',
			action: 'Accept a call to a conference',
			description: 'Answer a conference call from a mobile device',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a conference',
			description:
				'Create a conference in a room, optionally planned for a time and with invitations',
		},
		{
			name: 'Create Chat',
			value: 'createChat',
			action: 'Create a conference chat',
			description: 'Create the chat room of a conference',
		},
		{
			name: 'Decline Call',
			value: 'declineCall',
			action: 'Decline a call to a conference',
			description: 'Decline a conference call on a mobile device',
		},
		{
			name: 'Generate Access Token',
			value: 'generateAccessToken',
			action: 'Generate a conference access token',
			description: 'Create a JWT to join the conference in Jitsi',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a conference',
			description: 'Get the basic information of a conference',
		},
		{
			name: 'Get Chat',
			value: 'getChat',
			action: 'Get a conference chat',
			description: 'Get the chat room of a conference',
		},
		{
			name: 'Get Features',
			value: 'getFeatures',
			action: 'Get conference features',
			description: 'Get what each video adapter supports on the server',
		},
		{
			name: 'Get Full',
			value: 'getFull',
			action: 'Get a conference with its participants',
			description: 'Get the full information of a conference, with its participants',
		},
		{
			name: 'Get Many for User',
			value: 'getManyForUser',
			action: 'Get many conferences of the user',
			description: 'List the conferences the user takes part in',
		},
		{
			name: 'Get Many in My Rooms',
			value: 'getManyInMyRooms',
			action: 'Get many conferences in my rooms',
			description: 'List the conferences of the rooms the user is in',
		},
		{
			name: 'Get Many in Room',
			value: 'getManyInRoom',
			action: 'Get many conferences in a room',
			description: 'List the conferences of a room',
		},
		{
			name: 'Get Meeting',
			value: 'getMeeting',
			action: 'Get a meeting',
			description: 'Get a meeting with its records, and optionally its chat log and transcript',
		},
		{
			name: 'Invite Users by Call',
			value: 'inviteByCall',
			action: 'Invite users to a conference by call',
			description: 'Call users into a meeting',
		},
		{
			name: 'Invite Users by Message',
			value: 'inviteByMessage',
			action: 'Invite users to a conference by message',
			description: 'Send users an invitation message to a meeting',
		},
		{
			name: 'Start',
			value: 'start',
			action: 'Start a conference',
			description: 'Start a conference in its room',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a conference',
			description: 'Change a conference’s name, times, invitations or settings',
		},
	],
	default: 'create',
};

export const descriptions: INodeProperties[] = Object.values(operations).flatMap(
	(operation) => operation.description,
);
