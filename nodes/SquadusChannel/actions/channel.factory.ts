import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import {
	channelLocator,
	updateDisplayOptions,
	writeOptions,
	OPTIONS_BATCHING,
	OPTIONS_TIMEOUT,
} from '../../shared/descriptions';
import { getChannelId } from '../../shared/helpers';
import type { OperationModule } from '../../shared/types';
import { squadusApiRequest } from '../../shared/transport';

/**
 * An operation that takes one channel and posts its `roomId` to an endpoint (Delete, Hide):
 * the channel picker, Options, and `output` builds the item from the roomId.
 */
export function channelOperation(
	operation: string,
	endpoint: string,
	channelDescription: string,
	output: (roomId: string) => IDataObject,
): OperationModule {
	const properties: INodeProperties[] = [
		channelLocator({ description: channelDescription }),
		writeOptions(),
	];
	return {
		description: updateDisplayOptions({ show: { operation: [operation] } }, properties),
		batching: OPTIONS_BATCHING,
		timeout: OPTIONS_TIMEOUT,
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
			const roomId = await getChannelId.call(this, i);
			await squadusApiRequest.call(this, 'POST', endpoint, { body: { roomId }, itemIndex: i });
			return output(roomId);
		},
	};
}
