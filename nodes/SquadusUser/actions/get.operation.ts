import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	requestTimeoutOption,
	updateDisplayOptions,
	userLocator,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getUserRef } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import { withoutSecrets } from '../helpers/secrets';

const properties: INodeProperties[] = [
	userLocator({ description: 'The user to get' }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Rooms',
				name: 'includeRooms',
				type: 'boolean',
				default: false,
				description: 'Whether to include the rooms the user belongs to (as "rooms")',
			},
			requestTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// GET /users.info (docs/api-map.md)
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = { ...getUserRef.call(this, i) };
	if (options.includeRooms === true) qs.fields = JSON.stringify({ userRooms: 1 });
	const { user } = (await squadusApiRequest.call(this, 'GET', '/users.info', {
		qs,
		itemIndex: i,
	})) as { user: IDataObject };
	return withoutSecrets(user);
}

export const timeout = OPTIONS_TIMEOUT;
