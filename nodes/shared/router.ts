import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { assertRequiredParameters } from './helpers/validation';
import type { OperationModule, OperationResult } from './types';

function toExecutionData(
	this: IExecuteFunctions,
	result: OperationResult,
	itemIndex: number,
): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	const items = list.map((entry) =>
		entry && typeof entry.json === 'object' && entry.json !== null
			? (entry as INodeExecutionData)
			: { json: entry },
	) as INodeExecutionData[];
	return this.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } });
}

/**
 * Owns the item loop for every Squadus node: dispatches each item to its operation module,
 * applies Continue On Fail (one error item per failed input item, with pairedItem) and
 * attaches the item index to errors that stop the run.
 */
export async function router<T extends Record<string, OperationModule>>(
	this: IExecuteFunctions,
	operations: T,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as keyof T & string;
	const module = operations[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	}

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequiredParameters.call(this, module.description, i);
			const result = await module.execute.call(this, i);
			returnData.push(...toExecutionData.call(this, result, i));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
					pairedItem: { item: i },
				});
				continue;
			}
			if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
			error.context ??= {};
			error.context.itemIndex ??= i;
			// Already an n8n error carrying the server's message: rethrow it unchanged.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw error;
		}
	}
	return [returnData];
}
