import { randomUUID } from 'crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	LoggerProxy,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { CredentialStore, HarnessCredentialsHelper } from './credentials-helper';
import { recordRun } from './secret-log';
import {
	builtInNodeTypes,
	HarnessNodeTypes,
	loadPackageCredentialTypes,
	loadPackageNodeTypes,
} from './node-types';

/** The part of an n8n workflow export the harness needs. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	settings?: IWorkflowBase['settings'];
	staticData?: IDataObject;
}

export interface RunWorkflowOptions {
	/** Credential data by the credential's name in the workflow JSON (or its id, or its type). */
	credentials?: Record<string, ICredentialDataDecryptedObject> | CredentialStore;
	/** Items given to the start node (the Manual Trigger passes them on). */
	input?: Array<IDataObject | INodeExecutionData>;
	/** Node types besides the package's own and the built-in Manual Trigger / No Op. */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/** Credential types besides the package's own. */
	credentialTypes?: Record<string, ICredentialType>;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}

export interface WorkflowRunResult {
	run: IRun;
	/** Main output 0 of each node's last run. */
	outputs: Record<string, INodeExecutionData[]>;
	/** Every output of each node's last run. */
	allOutputs: Record<string, INodeExecutionData[][]>;
	/** Node errors (the run stops at the first one unless Continue On Fail is on). */
	errors: Record<string, ExecutionError>;
	/** The workflow-level error, if the run failed. */
	error?: ExecutionError;
	staticData: IDataObject;
	credentials: CredentialStore;
	/** Log lines n8n-core and the nodes wrote during the run. */
	logs: string[];
}

/** Every log line written through n8n's LoggerProxy in this process, for secret scans. */
export const harnessLogs: string[] = [];
const capture =
	(level: string) =>
	(message: string, meta: object = {}) =>
		harnessLogs.push(`${level} ${message} ${JSON.stringify(meta, (_k, v) => (v instanceof Error ? v.message : v))}`);
LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
	verbose: capture('verbose'),
	scoped: () => LoggerProxy,
} as never);

const toItem = (entry: IDataObject | INodeExecutionData): INodeExecutionData =>
	'json' in entry && typeof entry.json === 'object' ? (entry as INodeExecutionData) : { json: entry as IDataObject };

export function buildContext(workflowJson: WorkflowJson, options: RunWorkflowOptions, mode: WorkflowExecuteMode) {
	const nodeTypes = new HarnessNodeTypes({
		...builtInNodeTypes,
		...loadPackageNodeTypes(),
		...options.nodeTypes,
	});
	const store =
		options.credentials instanceof CredentialStore
			? options.credentials
			: new CredentialStore(options.credentials ?? {});
	const credentialsHelper = new HarnessCredentialsHelper(
		{ ...loadPackageCredentialTypes(), ...options.credentialTypes },
		store,
	);
	const workflow = new Workflow({
		id: workflowJson.id ?? randomUUID(),
		name: workflowJson.name ?? 'Harness workflow',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		nodeTypes,
		active: false,
		staticData: structuredClone(options.staticData ?? workflowJson.staticData ?? {}),
		settings: { executionOrder: 'v1', ...workflowJson.settings },
	});
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflow.id,
		name: workflow.name,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase);
	const base = 'http://localhost:5678';
	const additionalData = {
		executionId,
		hooks,
		credentialsHelper,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		currentNodeExecutionIndex: 0,
		executeWorkflow: async () => {
			throw new Error('Harness: sub-workflows are not supported');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Harness: task runners are not supported');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, hooks, additionalData, store, nodeTypes };
}

/**
 * Runs a workflow (n8n's export JSON) inside n8n-core's WorkflowExecute, with the package's
 * node and credential types, and returns every node's output and errors.
 */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const mode = options.mode ?? 'manual';
	const logStart = harnessLogs.length;
	const { workflow, hooks, additionalData, store } = buildContext(workflowJson, options, mode);

	const incoming = new Set(
		Object.values(workflowJson.connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) =>
				(outputs ?? []).flatMap((targets) => (targets ?? []).map((target) => target.node)),
			),
		),
	);
	const startNode = workflowJson.nodes.find((node) => !incoming.has(node.name) && !node.disabled);
	if (!startNode) throw new Error('Harness: the workflow has no start node');

	let finalRun: IRun | undefined;
	let finalStaticData: IDataObject = workflow.staticData;
	hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
		finalRun = run;
		if (newStaticData) finalStaticData = newStaticData;
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					// n8n-core runs no node on zero items: like n8n's Manual Trigger, start with one empty item
					data: { main: [(options.input ?? [{ json: {} }]).map(toItem)] },
					source: null,
				},
			],
		},
	});
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
		workflow,
	);
	finalRun ??= run;

	const outputs: WorkflowRunResult['outputs'] = {};
	const allOutputs: WorkflowRunResult['allOutputs'] = {};
	const errors: WorkflowRunResult['errors'] = {};
	for (const [nodeName, tasks] of Object.entries(finalRun.data.resultData.runData)) {
		const last = tasks[tasks.length - 1];
		allOutputs[nodeName] = (last?.data?.main ?? []).map((items) => items ?? []);
		outputs[nodeName] = allOutputs[nodeName][0] ?? [];
		if (last?.error) errors[nodeName] = last.error;
	}
	const result: WorkflowRunResult = {
		run: finalRun,
		outputs,
		allOutputs,
		errors,
		error: finalRun.data.resultData.error,
		staticData: structuredClone({ ...workflow.staticData, ...finalStaticData }),
		credentials: store,
		logs: harnessLogs.slice(logStart),
	};
	recordRun(result, [...store['data'].values()], workflowJson.nodes);
	return result;
}
