import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { squadusApiRequest } from '../transport';
import { parseChannelText, parseUserText } from './names';

function readLocator(
	this: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	displayName: string,
): { mode: string; value: string } {
	const raw = this.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const locator = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	const value = String(locator.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is empty`, {
			itemIndex,
			description: `Pick a ${displayName.toLowerCase()} from the list, or enter its ID or name`,
		});
	}
	return { mode: String(locator.mode ?? 'id'), value };
}

/** A channel as the API's `roomId` or `roomName` (no request needed). */
export function getChannelRef(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'channel',
	displayName = 'Channel',
): { roomId: string } | { roomName: string } {
	const { mode, value } = readLocator.call(this, parameter, itemIndex, displayName);
	return parseChannelText(value, mode);
}

/** A channel's ID; a channel given by name is looked up with channels.info. */
export async function getChannelId(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'channel',
	displayName = 'Channel',
): Promise<string> {
	const ref = getChannelRef.call(this, itemIndex, parameter, displayName);
	return 'roomId' in ref ? ref.roomId : await channelIdByName.call(this, ref, itemIndex);
}

/** Looks a channel given by name up with channels.info and returns its ID. */
async function channelIdByName(
	this: IExecuteFunctions,
	ref: { roomName: string },
	itemIndex: number,
): Promise<string> {
	const { channel } = (await squadusApiRequest.call(this, 'GET', '/channels.info', {
		qs: ref,
		itemIndex,
	})) as { channel: IDataObject };
	return channel._id as string;
}

/** A user as the API's `userId` or `username` (no request needed). */
export function getUserRef(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'user',
	displayName = 'User',
): { userId: string } | { username: string } {
	const { mode, value } = readLocator.call(this, parameter, itemIndex, displayName);
	return parseUserText(value, mode);
}

/** Looks a user up with users.info (by ID or username). */
export async function lookUpUser(
	this: IExecuteFunctions,
	ref: { userId: string } | { username: string },
	itemIndex: number,
): Promise<IDataObject> {
	const { user } = (await squadusApiRequest.call(this, 'GET', '/users.info', {
		qs: ref,
		itemIndex,
	})) as { user: IDataObject };
	return user;
}

/** A user's ID; a user given by username is looked up with users.info. */
export async function getUserId(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'user',
	displayName = 'User',
): Promise<string> {
	const ref = getUserRef.call(this, itemIndex, parameter, displayName);
	if ('userId' in ref) return ref.userId;
	return (await lookUpUser.call(this, ref, itemIndex))._id as string;
}

/**
 * A room's ID. Rooms are picked or given by ID; a channel name written as `#general` (or a text
 * that can only be a channel name) is looked up with channels.info, as models write rooms so.
 */
export async function resolveRoomId(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'room',
	displayName = 'Room',
): Promise<string> {
	const { value } = readLocator.call(this, parameter, itemIndex, displayName);
	const ref = parseChannelText(value, 'id');
	return 'roomId' in ref ? ref.roomId : await channelIdByName.call(this, ref, itemIndex);
}

/** A room's ID as given (rooms have no name mode); see resolveRoomId for channel names. */
export function getRoomId(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'room',
	displayName = 'Room',
): string {
	return readLocator.call(this, parameter, itemIndex, displayName).value;
}

/** A conference number. */
export function getConferenceNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'conference',
	displayName = 'Conference',
): string {
	const { value } = readLocator.call(this, parameter, itemIndex, displayName);
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" is not a conference number`,
			{
				itemIndex,
				description: `A conference number has digits only, e.g. 1234567; got "${value}"`,
			},
		);
	}
	return value;
}
