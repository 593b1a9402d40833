import { readdirSync, existsSync } from 'fs';
import { join, resolve } from 'path';
import {
	NodeHelpers,
	type ICredentialType,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-squadus';
const ROOT = resolve(__dirname, '..', '..');

type AnyNodeType = INodeType | IVersionedNodeType;

/** n8n's Manual Trigger, reduced: it passes on the items the harness feeds it (one empty item by default). */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		return [items.length ? items : [{ json: {} }]];
	}
}

/** n8n's No Operation node: passes items through. */
class NoOp implements INodeType {
	description = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	}
}

/** The parent of every OAuth2 credential in n8n (n8n-nodes-base's OAuth2Api, its fields only). */
export const oAuth2ApiCredential: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	genericAuth: true,
	properties: [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{ displayName: 'Grant Type', name: 'grantType', type: 'options', options: [
			{ name: 'Authorization Code', value: 'authorizationCode' },
			{ name: 'Client Credentials', value: 'clientCredentials' },
			{ name: 'PKCE', value: 'pkce' },
		], default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [
			{ name: 'Body', value: 'body' },
			{ name: 'Header', value: 'header' },
		], default: 'header' },
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false },
	],
};

function packageManifest(): { nodes: string[]; credentials: string[] } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const pkg = require(join(ROOT, 'package.json'));
	return { nodes: pkg.n8n?.nodes ?? [], credentials: pkg.n8n?.credentials ?? [] };
}

/** `dist/nodes/X/X.node.js` → the TypeScript source, so tests run without a build. */
function sourceOf(distPath: string): string {
	const source = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	if (!existsSync(source)) throw new Error(`Harness: ${distPath} is listed in package.json but ${source} does not exist`);
	return source;
}

function instantiate<T>(file: string): T[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, new () => T>;
	return Object.values(exported)
		.filter((value) => typeof value === 'function')
		.map((Class) => new Class());
}

let packageNodes: Record<string, AnyNodeType> | undefined;
let packageCredentials: Record<string, ICredentialType> | undefined;

/** Every node of the package, keyed by its workflow `type` string (`n8n-nodes-squadus.squadusChat`). */
export function loadPackageNodeTypes(): Record<string, AnyNodeType> {
	if (!packageNodes) {
		packageNodes = {};
		for (const file of packageManifest().nodes) {
			for (const nodeType of instantiate<AnyNodeType>(sourceOf(file))) {
				packageNodes[`${PACKAGE_NAME}.${nodeType.description.name}`] = nodeType;
			}
		}
	}
	return packageNodes;
}

/** Every credential type of the package, plus the n8n base types they extend. */
export function loadPackageCredentialTypes(): Record<string, ICredentialType> {
	if (!packageCredentials) {
		packageCredentials = { oAuth2Api: oAuth2ApiCredential };
		for (const file of packageManifest().credentials) {
			for (const credential of instantiate<ICredentialType>(sourceOf(file))) {
				packageCredentials[credential.name] = credential;
			}
		}
	}
	return packageCredentials;
}

export const builtInNodeTypes: Record<string, AnyNodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.noOp': new NoOp(),
};

export class HarnessNodeTypes implements INodeTypes {
	constructor(readonly types: Record<string, AnyNodeType>) {}

	getByName(type: string): AnyNodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Harness: unknown node type "${type}" (known: ${Object.keys(this.types).join(', ')})`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/** Lists the node source folders, for tests that iterate over every node. */
export function packageNodeFolders(): string[] {
	return readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
		.map((entry) => entry.name);
}
