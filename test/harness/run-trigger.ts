import { TriggerContext } from 'n8n-core';
import type { IDataObject, INode, ITriggerResponse, WorkflowExecuteMode } from 'n8n-workflow';

import type { CredentialStore } from './credentials-helper';
import { buildContext, type RunWorkflowOptions } from './run-workflow';

export interface ActiveTrigger {
	/** every item emitted so far, in order (one entry per emitted item) */
	items: IDataObject[];
	/** how many times emit() was called (n8n starts one execution per call) */
	emits: number;
	/** the workflow's static data as n8n would store it now */
	staticData(): IDataObject;
	credentials: CredentialStore;
	/** resolves once `count` items were emitted (polls the array; no timers in assertions) */
	waitForItems(count: number, timeoutMs?: number): Promise<IDataObject[]>;
	/** n8n's deactivation: the trigger's closeFunction */
	close(): Promise<void>;
	response: ITriggerResponse | undefined;
}

/**
 * Activates a trigger node (n8n's `trigger()` contract) as an active workflow does (mode
 * `trigger`), or as "Test step" does (`manual`), inside n8n-core's TriggerContext. Items the
 * node emits are collected; `close()` runs the closeFunction as deactivation does.
 */
export async function startTrigger(
	node: INode,
	options: Omit<RunWorkflowOptions, 'input'> & { manual?: boolean } = {},
): Promise<ActiveTrigger> {
	const mode: WorkflowExecuteMode = options.manual ? 'manual' : 'trigger';
	const { workflow, additionalData, store, nodeTypes } = buildContext(
		{ nodes: [node], connections: {} },
		options,
		mode,
	);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.trigger) throw new Error(`Harness: ${node.type} is not a trigger node`);
	const active: ActiveTrigger = {
		items: [],
		emits: 0,
		staticData: () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		credentials: store,
		response: undefined,
		async waitForItems(count, timeoutMs = 30_000) {
			const until = Date.now() + timeoutMs;
			while (active.items.length < count) {
				if (Date.now() > until) {
					throw new Error(`Harness: ${active.items.length} of ${count} items after ${timeoutMs} ms`);
				}
				await new Promise((resolve) => setImmediate(resolve));
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			return active.items;
		},
		async close() {
			await active.response?.closeFunction?.();
		},
	};
	const context = new TriggerContext(
		workflow,
		node,
		additionalData,
		mode,
		options.manual ? 'manual' : 'activate',
		(data) => {
			active.emits++;
			for (const item of data[0] ?? []) active.items.push(item.json);
		},
		(error) => {
			throw error;
		},
	);
	active.response = await nodeType.trigger.call(context);
	if (options.manual) await active.response?.manualTriggerFunction?.();
	return active;
}
