import type { INode, INodeCredentials, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './run-workflow';

export interface NodeSpec {
	name?: string;
	type: string;
	typeVersion?: number;
	parameters?: INodeParameters;
	credentials?: INodeCredentials;
	continueOnFail?: boolean;
	onError?: INode['onError'];
}

/**
 * Builds the workflow JSON n8n would export for a straight chain:
 * Manual Trigger → node 1 → node 2 → …
 */
export function chainWorkflow(...specs: NodeSpec[]): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Manual Trigger',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	specs.forEach((spec, index) => {
		const node: INode = {
			id: `node-${index + 1}`,
			name: spec.name ?? `Node ${index + 1}`,
			type: spec.type,
			typeVersion: spec.typeVersion ?? 1,
			position: [220 * (index + 1), 0],
			parameters: spec.parameters ?? {},
		};
		if (spec.credentials) node.credentials = spec.credentials;
		if (spec.continueOnFail) node.onError = 'continueRegularOutput';
		if (spec.onError) node.onError = spec.onError;
		nodes.push(node);
	});
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes, connections };
}
