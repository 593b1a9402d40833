// Runs a Squadus node inside n8n-core's engine against a hostile server, with any of the three
// credential types, and collects what the run exposes (outputs, errors with their saved data).
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { chainWorkflow, CredentialStore, runWorkflow, testCredential, type WorkflowRunResult } from '../../harness';
import { recordSecrets } from '../../harness/secret-log';
import { clearOAuth2Sessions } from '../../../nodes/shared/transport/oauth2';
import { clearSessionStates } from '../../../nodes/shared/transport/session';
import { HOSTILE, startHostile, type HostileServer } from './server';

import { CREDENTIAL_TYPE as TYPE, type Auth } from '../../nodes/helpers';

export type { Auth };
export const AUTHS: Auth[] = ['password', 'accessToken', 'oAuth2'];

export function hostileCredentials(server: string, auth: Auth): ICredentialDataDecryptedObject {
	if (auth === 'accessToken') return { server, userId: HOSTILE.userId, accessToken: HOSTILE.accessToken };
	if (auth === 'oAuth2') {
		return {
			server,
			serviceName: 'keycloak',
			grantType: 'authorizationCode',
			authUrl: `${server}/oauth/authorize`,
			accessTokenUrl: `${server}/oauth/token`,
			clientId: 'n8n',
			clientSecret: HOSTILE.clientSecret,
			scope: 'openid',
			authQueryParameters: '',
			authentication: 'header',
			oauthTokenData: {
				access_token: HOSTILE.oauthAccess,
				refresh_token: HOSTILE.oauthRefresh,
				token_type: 'Bearer',
				expires_in: 3600,
			},
		};
	}
	return { server, user: HOSTILE.user, password: HOSTILE.password, secondFactor: 'none', authToken: '' };
}

/** Every secret of the hostile credentials, for the checks and the suite-wide scan. */
export const SECRETS = Object.entries(HOSTILE)
	.filter(([key]) => !['user', 'userId'].includes(key))
	.map(([, value]) => value);

export interface HostileRun extends WorkflowRunResult {
	json: IDataObject[];
	nodeError?: WorkflowRunResult['errors'][string];
	/** What the run shows and what n8n saves: outputs, error text, errorResponse, context. */
	shown: string;
}

export async function runHostile(
	server: HostileServer | string,
	nodeName: string,
	parameters: INodeParameters,
	options: { auth?: Auth; continueOnFail?: boolean; input?: IDataObject[]; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<HostileRun> {
	const auth = options.auth ?? 'password';
	const url = typeof server === 'string' ? server : server.url;
	const workflow = chainWorkflow({
		name: 'Squadus',
		type: `n8n-nodes-squadus.${nodeName}`,
		parameters: { authentication: auth, ...parameters },
		credentials: { [TYPE[auth]]: { id: auth, name: 'Hostile' } },
		continueOnFail: options.continueOnFail,
	});
	recordSecrets(SECRETS, []);
	clearOAuth2Sessions();
	clearSessionStates(); // each run is a fresh credential
	const store = new CredentialStore({ Hostile: options.credentials ?? hostileCredentials(url, auth) });
	const result = await runWorkflow(workflow, { credentials: store, input: options.input });
	const nodeError = result.errors.Squadus;
	const saved = (error: unknown) => {
		if (!error) return null;
		const e = error as { message?: string; description?: string; errorResponse?: unknown; context?: unknown; messages?: unknown; toJSON?: () => unknown };
		return { message: e.message, description: e.description, errorResponse: e.errorResponse, context: e.context, messages: e.messages, saved: e.toJSON?.() };
	};
	return {
		...result,
		json: (result.outputs.Squadus ?? []).map((item) => item.json),
		nodeError,
		shown: JSON.stringify({ outputs: result.allOutputs, error: saved(nodeError), runError: saved(result.error) }),
	};
}

export async function testHostileCredential(server: string, auth: Auth) {
	recordSecrets(SECRETS, []);
	return await testCredential(TYPE[auth], hostileCredentials(server, auth));
}

/** The secrets found in a text. */
export function leaked(text: string, secrets: string[] = SECRETS): string[] {
	return secrets.filter((secret) => text.includes(secret));
}

/** The measured figures of each case, printed once at the end of the file. */
export const figures: Array<{ case: string; requests: number; seconds: number; note?: string }> = [];
export function measure(name: string, requests: number, startedAt: number, note?: string) {
	figures.push({ case: name, requests, seconds: Math.round((Date.now() - startedAt) / 10) / 100, note });
}
export function printFigures(title: string) {
	// eslint-disable-next-line no-console
	console.log(`${title}\n${figures.map((f) => `  ${f.case}: ${f.requests} requests, ${f.seconds} s${f.note ? ` (${f.note})` : ''}`).join('\n')}`);
}

/**
 * One hostile server for a test file: started before its tests, its request log cleared before
 * each, closed after them with the file's figures printed under `title`.
 */
export function useHostile(title: string, started: (server: HostileServer) => void): void {
	let server: HostileServer;
	beforeAll(async () => {
		server = await startHostile();
		started(server);
	});
	afterAll(async () => {
		printFigures(title);
		await server.close();
	});
	beforeEach(() => {
		server.received.length = 0;
	});
}
