import type { IDataObject, INodeProperties } from 'n8n-workflow';

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
