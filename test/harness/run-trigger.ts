// Trigger nodes alone in a workflow, as n8n runs them: polls (runPoll) and trigger() (startTrigger).
import { PollContext, TriggerContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	ITriggerResponse,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialStore } from './credentials-helper';
import { buildContext, type RunWorkflowOptions } from './run-workflow';

/** `manual`: as "Test step" runs the node; otherwise as an active workflow does (mode `trigger`). */
export type TriggerRunOptions = Omit<RunWorkflowOptions, 'input'> & { manual?: boolean };

/** The node alone in a workflow, its type, and the modes n8n runs it in. */
function triggerSetup(node: INode, options: TriggerRunOptions) {
	const mode: WorkflowExecuteMode = options.manual ? 'manual' : 'trigger';
	const activation = options.manual ? ('manual' as const) : ('activate' as const);
	const context = buildContext({ nodes: [node], connections: {} }, options, mode);
	const nodeType = context.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return { ...context, mode, activation, nodeType };
}

/** The workflow's static data as n8n stores it between executions (serialised). */
const storedStaticData = (workflow: Workflow): IDataObject =>
	JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;

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
	options: TriggerRunOptions = {},
): Promise<ActiveTrigger> {
	const { workflow, additionalData, store, mode, activation, nodeType } = triggerSetup(
		node,
		options,
	);
	if (!nodeType.trigger) throw new Error(`Harness: ${node.type} is not a trigger node`);
	const active: ActiveTrigger = {
		items: [],
		emits: 0,
		staticData: () => storedStaticData(workflow),
		credentials: store,
		response: undefined,
		async waitForItems(count, timeoutMs = 30_000) {
			const until = Date.now() + timeoutMs;
			while (active.items.length < count) {
				if (Date.now() > until) {
					throw new Error(
						`Harness: ${active.items.length} of ${count} items after ${timeoutMs} ms`,
					);
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
		activation,
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

export interface PollResult {
	items: INodeExecutionData[] | null;
	staticData: IDataObject;
	credentials: CredentialStore;
}

/**
 * Runs one poll of a polling trigger as an active workflow does (mode `trigger`). Pass the
 * previous `staticData` to continue where the last poll stopped; it is serialised between
 * polls, as n8n stores it in its database.
 */
export async function runPoll(node: INode, options: TriggerRunOptions = {}): Promise<PollResult> {
	const { workflow, additionalData, store, mode, activation, nodeType } = triggerSetup(
		node,
		options,
	);
	if (!nodeType.poll) throw new Error(`Harness: ${node.type} is not a polling trigger`);
	const context = new PollContext(workflow, node, additionalData, mode, activation);
	const output = await nodeType.poll.call(context);
	return {
		items: output?.[0] ?? null,
		staticData: storedStaticData(workflow),
		credentials: store,
	};
}
