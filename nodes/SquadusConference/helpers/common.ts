import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** A meeting ID (the `_id` of a conference: Create and Get return it). */
export function meetingIdField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6332ad28c1205b18bdecf4f2',
		description: 'The meeting’s ID: the _id that Create and Get return for a conference',
		...overrides,
	};
}

/** The device token Accept Call and Decline Call need. */
export const skipTokenField: INodeProperties = {
	displayName: 'Device Token',
	name: 'skipToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: 'The token of the mobile device that answers the call',
};

/** The room of a conference chat answer: `{ data: { room } }`, or the room as `data` itself. */
export function chatRoom(response: IDataObject): IDataObject {
	const data = (response.data ?? {}) as IDataObject;
	return (data.room as IDataObject) ?? data;
}
