// Mirrors n8n's CredentialsTester (packages/cli/src/services/credentials-tester.service.ts):
// the credential's `test` request runs through n8n-core's RoutingNode on a temporary No Op
// node, so preAuthentication, `authenticate` and expression resolution happen as in n8n,
// and the message is the one n8n would show when the user saves the credential.
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type INodeCredentialTestResult,
	type INodeType,
} from 'n8n-workflow';

import { CredentialStore, HarnessCredentialsHelper } from './credentials-helper';
import { builtInNodeTypes, loadPackageCredentialTypes } from './node-types';
import { buildContext, harnessLogs } from './run-workflow';

export interface CredentialTestOutcome extends INodeCredentialTestResult {
	/** The store after the test (preAuthentication writes the session into it). */
	credentials: CredentialStore;
	/** Log lines written during the test. */
	logs: string[];
}

const OAUTH2_SUCCEEDED = 'Connection Successful!';
const OAUTH2_FAILED = 'This OAuth2 credential was not connected to an account.';

/** Tests credential data of the given type the way n8n does when the user saves it. */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
	options: { credentialTypes?: Record<string, ICredentialType> } = {},
): Promise<CredentialTestOutcome> {
	const logStart = harnessLogs.length;
	const credentialTypes = { ...loadPackageCredentialTypes(), ...options.credentialTypes };
	const store = new CredentialStore({ [typeName]: data });
	const helper = new HarnessCredentialsHelper(credentialTypes, store);
	const type = credentialTypes[typeName];
	if (!type) throw new Error(`Harness: unknown credential type "${typeName}"`);
	const done = (result: INodeCredentialTestResult): CredentialTestOutcome => ({
		...result,
		credentials: store,
		logs: harnessLogs.slice(logStart),
	});

	if (!type.test) {
		// n8n falls back to the nodes' credential tests; for OAuth2 types that is "is there a token".
		if (helper.getParentTypes(typeName).includes('oAuth2Api')) {
			const token = (data.oauthTokenData as { access_token?: string } | undefined)?.access_token;
			return done(
				token !== undefined
					? { status: 'OK', message: OAUTH2_SUCCEEDED }
					: { status: 'Error', message: OAUTH2_FAILED },
			);
		}
		return done({ status: 'Error', message: 'No testing function found for this credential.' });
	}

	const noOp = builtInNodeTypes['n8n-nodes-base.noOp'] as INodeType;
	const nodeType: INodeType = {
		description: {
			...noOp.description,
			// n8n's loader gives node types their full name; preAuthentication checks it.
			name: 'n8n-nodes-base.noOp',
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: type.test.request },
					default: '',
				},
			],
		},
	};
	const credentialsRef = { id: typeName, name: typeName };
	const { workflow, additionalData } = buildContext(
		{
			nodes: [
				{
					id: 'temp',
					name: 'Temp-Node',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
					credentials: { [typeName]: credentialsRef },
				},
			],
			connections: {},
		},
		{
			credentials: store,
			credentialTypes: options.credentialTypes,
			nodeTypes: { 'n8n-nodes-base.noOp': nodeType },
		},
		'internal',
	);
	const node = workflow.getNode('Temp-Node')!;
	// CredentialsHelper.applyDefaultsAndOverwrites: every property's default is filled in.
	const decrypted = await helper.getDecrypted(additionalData, credentialsRef, typeName);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		...credentialsRef,
		type: typeName,
		data: decrypted,
	});

	let response;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		const error = caught as {
			message: string;
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of type.test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return done({ status: 'Error', message: rule.properties.message });
				}
			}
			if (status < 199 || status > 299) {
				return done({
					status: 'Error',
					message: statusText || `Received HTTP status code: ${status}`,
				});
			}
		} else if (error.cause?.code) {
			return done({ status: 'Error', message: error.cause.code });
		}
		return done({ status: 'Error', message: error.message.toString() });
	}

	for (const rule of type.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const json = response?.[0]?.[0]?.json as Record<string, unknown> | undefined;
			const value = rule.properties.key
				.split('.')
				.reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], json);
			if (value === rule.properties.value) {
				return done({ status: 'Error', message: rule.properties.message });
			}
		}
	}
	return done({ status: 'OK', message: 'Connection successful!' });
}
