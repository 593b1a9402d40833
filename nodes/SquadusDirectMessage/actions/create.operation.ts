import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	simplifyField,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { simplifyRoom } from '../../shared/helpers/simplify';
import { splitNames } from '../../shared/helpers/names';
import { squadusApiRequest } from '../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Usernames',
		name: 'usernames',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ivan.petrov or ivan.petrov, anna.smirnova',
		description:
			'The username to open a direct message with; several usernames separated by commas open a group direct message',
	},
	simplifyField(),
	writeOptions(),
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// POST /dm.create (docs/api-map.md)
	const usernames = splitNames(this.getNodeParameter('usernames', i), '@');
	const invalid = usernames.find((name) => /\s/.test(name));
	if (usernames.length === 0 || invalid !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			invalid
				? `The parameter "Usernames" contains "${invalid}", which is not a username`
				: 'The parameter "Usernames" is empty',
			{ itemIndex: i, description: 'Enter usernames such as ivan.petrov, separated by commas' },
		);
	}
	const response = (await squadusApiRequest.call(this, 'POST', '/dm.create', {
		body: { usernames: usernames.join(',') },
		itemIndex: i,
	})) as IDataObject;
	// Rocket.Chat wraps the room as { room }; the manual shows it flat.
	return (response.room as IDataObject) ?? response;
}

export const batching = OPTIONS_BATCHING;
export const timeout = OPTIONS_TIMEOUT;
export const simplify = simplifyRoom;
