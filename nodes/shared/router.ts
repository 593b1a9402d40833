import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { MAX_ITEMS_IN_FLIGHT } from './descriptions/batching';
import { assertRequiredParameters } from './helpers/validation';
import { declareTimeoutParameter } from './transport';
import type { OperationModule, OperationResult, Simplifier } from './types';

function toExecutionData(
	this: IExecuteFunctions,
	result: OperationResult,
	itemIndex: number,
	simplify?: Simplifier,
): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	const items = list.map((entry) =>
		entry && typeof entry.json === 'object' && entry.json !== null
			? (entry as INodeExecutionData)
			: { json: entry },
	) as INodeExecutionData[];
	const shown = simplify ? items.map((item) => ({ ...item, json: simplify(item.json) })) : items;
	return this.helpers.constructExecutionMetaData(shown, { itemData: { item: itemIndex } });
}

/**
 * The operation's simplifier when the item's Simplify is on. Simplify exists from node version
 * 2 on: a version 1 node has no such parameter, and the fallback keeps its output raw.
 */
function simplifierFor(
	this: IExecuteFunctions,
	module: OperationModule,
	itemIndex: number,
): Simplifier | undefined {
	if (!module.simplify) return undefined;
	return this.getNodeParameter('simplify', itemIndex, false) === true ? module.simplify : undefined;
}

/** Items in flight at once: the Batching option's Items per Batch, 1 without it. */
function itemsInFlight(this: IExecuteFunctions, module: OperationModule): number {
	if (!module.batching) return 1;
	const size = Number(this.getNodeParameter(`${module.batching}.batch.batchSize`, 0, 1));
	return Number.isFinite(size) ? Math.min(MAX_ITEMS_IN_FLIGHT, Math.max(1, Math.floor(size))) : 1;
}

function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

/** The error that stops the run, as an n8n error that names the item. */
function stoppingError(this: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
		return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	error.context ??= {};
	error.context.itemIndex ??= itemIndex;
	return error;
}

/**
 * Owns the item loop for every Squadus node: dispatches each item to its operation module,
 * applies Continue On Fail (one error item per failed input item, with pairedItem) and
 * attaches the item index to errors that stop the run.
 *
 * The operation's declared contracts (`OperationModule.batching`, `.timeout`, `.simplify`) are
 * read here: the Timeout path goes to the transport for this run, and the simplifier shapes each
 * output item when the item's Simplify (node version 2) is on.
 *
 * With the Batching option, up to Items per Batch items run at once (the first item runs
 * alone, so a session login happens once). Output stays in input order; without Continue
 * On Fail the run stops at the first failing item in input order, after the items before it
 * have finished, and no item after it is started.
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

	declareTimeoutParameter(this, module.timeout);
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	let failedAt = items.length;
	let failure: unknown;

	const settle = async (i: number) => {
		try {
			assertRequiredParameters.call(this, module.description, i);
			const result = await module.execute.call(this, i);
			results[i] = toExecutionData.call(this, result, i, simplifierFor.call(this, module, i));
		} catch (error) {
			if (continueOnFail) results[i] = [errorItem(error, i)];
			else if (i < failedAt) {
				failedAt = i;
				failure = error;
			}
		}
	};

	let next = 0;
	const worker = async () => {
		while (next < failedAt) await settle(next++);
	};

	const inFlight = items.length > 1 ? itemsInFlight.call(this, module) : 1;
	if (inFlight > 1) await settle(next++);
	await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));

	if (failedAt < items.length) {
		throw stoppingError.call(this, failure, failedAt);
	}
	return [results.flat()];
}
