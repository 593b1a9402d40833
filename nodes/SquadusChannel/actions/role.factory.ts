import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	updateDisplayOptions,
	userLocator,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getChannelId, getUserId } from '../../shared/helpers';
import { squadusApiRequest } from '../../shared/transport';
import type { OperationModule } from '../../shared/types';

/**
 * The six role operations (add/remove owner, moderator, leader) share one shape:
 * a channel and a user, sent as `{ roomId, userId }` to their endpoint.
 */
export function roleOperation(
	operation: string,
	endpoint: string,
	userDescription: string,
): OperationModule {
	const properties: INodeProperties[] = [
		channelLocator(),
		userLocator({ description: userDescription }),
		writeOptions(),
	];

	return {
		description: updateDisplayOptions({ show: { operation: [operation] } }, properties),
		batching: OPTIONS_BATCHING,
		timeout: OPTIONS_TIMEOUT,
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
			// POST /channels.addOwner, .addModerator, .addLeader, .removeOwner, .removeModerator, .removeLeader (docs/api-map.md)
			const roomId = await getChannelId.call(this, i);
			const userId = await getUserId.call(this, i);
			await squadusApiRequest.call(this, 'POST', endpoint, {
				body: { roomId, userId },
				itemIndex: i,
			});
			return { success: true, roomId, userId };
		},
	};
}
