import type { INodeProperties } from 'n8n-workflow';

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
