// Runs a node's listSearch / loadOptions method with n8n-core's LoadOptionsContext, as the
// editor does when the user opens a "From list" dropdown, so the real transport runs.
import { randomUUID } from 'crypto';
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INodeCredentials,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';

import { CredentialStore } from './credentials-helper';
import { PACKAGE_NAME } from './node-types';
import { buildContext } from './run-workflow';

export interface LoadOptionsRun {
	/** e.g. 'squadusDirectMessage' or the full type string. */
	nodeType: string;
	parameters?: INodeParameters;
	credentials: INodeCredentials;
	/** Credential data by name (or a store, to share sessions with other runs). */
	store: CredentialStore | Record<string, ICredentialDataDecryptedObject>;
	/** The parameter the list belongs to (only its path matters to n8n). */
	parameterPath?: string;
	/** The node's version (default 1). */
	typeVersion?: number;
}

function contextFor(run: LoadOptionsRun) {
	const type = run.nodeType.includes('.') ? run.nodeType : `${PACKAGE_NAME}.${run.nodeType}`;
	const { workflow, additionalData, nodeTypes } = buildContext(
		{
			nodes: [
				{
					id: randomUUID(),
					name: 'Squadus',
					type,
					typeVersion: run.typeVersion ?? 1,
					position: [0, 0],
					parameters: run.parameters ?? {},
					credentials: run.credentials,
				},
			],
			connections: {},
		},
		{ credentials: run.store },
		'internal',
	);
	const node = workflow.getNode('Squadus')!;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		`parameters.${run.parameterPath ?? 'value'}`,
	);
	const nodeType = nodeTypes.getByNameAndVersion(type, node.typeVersion);
	return { context, nodeType };
}

/** Calls `methods.listSearch[method](filter, paginationToken)` of a package node. */
export async function runListSearch(
	run: LoadOptionsRun,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { context, nodeType } = contextFor(run);
	const fn = nodeType.methods?.listSearch?.[method];
	if (!fn) throw new Error(`Harness: ${run.nodeType} has no listSearch method "${method}"`);
	return await fn.call(context, filter, paginationToken);
}

/** Calls `methods.loadOptions[method]()` of a package node. */
export async function runLoadOptions(run: LoadOptionsRun, method: string): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = contextFor(run);
	const fn = nodeType.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`Harness: ${run.nodeType} has no loadOptions method "${method}"`);
	return await fn.call(context);
}
