import type { INodeProperties } from 'n8n-workflow';

import * as addAllUsers from './addAllUsers.operation';
import * as addLeader from './addLeader.operation';
import * as addModerator from './addModerator.operation';
import * as addOwner from './addOwner.operation';
import * as convertToTeam from './convertToTeam.operation';
import * as create from './create.operation';
import * as deleteChannel from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFiles from './getFiles.operation';
import * as getMembers from './getMembers.operation';
import * as getMessages from './getMessages.operation';
import * as hide from './hide.operation';
import * as kickUser from './kickUser.operation';
import * as removeLeader from './removeLeader.operation';
import * as removeModerator from './removeModerator.operation';
import * as removeOwner from './removeOwner.operation';

export const operations = {
	create,
	get,
	getAll,
	getMembers,
	getMessages,
	getFiles,
	addOwner,
	addModerator,
	addLeader,
	removeOwner,
	removeModerator,
	removeLeader,
	addAllUsers,
	kickUser,
	hide,
	delete: deleteChannel,
	convertToTeam,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Add All Users',
			value: 'addAllUsers',
			action: 'Add all users to a channel',
			description: 'Add every user of the server to a channel',
		},
		{
			name: 'Add Leader',
			value: 'addLeader',
			action: 'Add a leader to a channel',
			description: 'Make a member the leader of a channel',
		},
		{
			name: 'Add Moderator',
			value: 'addModerator',
			action: 'Add a moderator to a channel',
			description: 'Make a member a moderator of a channel',
		},
		{
			name: 'Add Owner',
			value: 'addOwner',
			action: 'Add an owner to a channel',
			description: 'Make a member an owner of a channel',
		},
		{
			name: 'Convert to Team',
			value: 'convertToTeam',
			action: 'Convert a channel to a team',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a channel',
			description: 'Create a public channel',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a channel',
			description: 'Delete a public channel',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a channel',
			description: 'Get information about a channel',
		},
		{
			name: 'Get Files',
			value: 'getFiles',
			action: 'Get files of a channel',
			description: 'List the files shared in a channel, optionally downloading them',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many channels',
			description: 'List channels',
		},
		{
			name: 'Get Members',
			value: 'getMembers',
			action: 'Get members of a channel',
			description: 'List the members of a channel',
		},
		{
			name: 'Get Messages',
			value: 'getMessages',
			action: 'Get messages of a channel',
			description: 'List the messages of a channel',
		},
		{
			name: 'Hide',
			value: 'hide',
			action: 'Hide a channel',
			description: 'Remove a channel from your list of channels without leaving it',
		},
		{
			name: 'Kick User',
			value: 'kickUser',
			action: 'Kick a user from a channel',
			description: 'Remove a user from a channel',
		},
		{
			name: 'Remove Leader',
			value: 'removeLeader',
			action: 'Remove a leader from a channel',
			description: 'Take the leader role from a member of a channel',
		},
		{
			name: 'Remove Moderator',
			value: 'removeModerator',
			action: 'Remove a moderator from a channel',
			description: 'Take the moderator role from a member of a channel',
		},
		{
			name: 'Remove Owner',
			value: 'removeOwner',
			action: 'Remove an owner from a channel',
			description: 'Take the owner role from a member of a channel',
		},
	],
	default: 'create',
};

export const descriptions: INodeProperties[] = Object.values(operations).flatMap(
	(operation) => operation.description,
);
