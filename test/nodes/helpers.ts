// Shared set-up for node tests: one sandbox per test file, credentials for its demo users,
// and a one-call way to run a Squadus node inside n8n-core's engine.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { chainWorkflow, CredentialStore, runWorkflow, type WorkflowRunResult } from '../harness';
import { recordSecrets } from '../harness/secret-log';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { expectNoSecrets } from './secrets';

export type Auth = 'password' | 'accessToken' | 'oAuth2';
export type DemoUser = 'admin' | 'user' | 'bot';

export const CREDENTIAL_NAME: Record<Auth, string> = {
	password: 'Squadus account',
	accessToken: 'Squadus token',
	oAuth2: 'Squadus OAuth2',
};

export const CREDENTIAL_TYPE: Record<Auth, string> = {
	password: 'squadusApi',
	accessToken: 'squadusTokenApi',
	oAuth2: 'squadusOAuth2Api',
};

/** A node's `credentials` field: the credential type of `auth`, named as the store names it. */
export const nodeCredentials = (auth: Auth) => ({
	[CREDENTIAL_TYPE[auth]]: { id: auth, name: CREDENTIAL_NAME[auth] },
});

/** Credential data for a demo user of the sandbox. */
export function credentialsFor(
	sandbox: Sandbox,
	as: DemoUser = 'admin',
	auth: Auth = 'password',
): ICredentialDataDecryptedObject {
	const user = sandbox.fixtures[as];
	if (auth === 'accessToken') {
		return { server: sandbox.url, userId: user._id, accessToken: user.personalAccessToken };
	}
	return {
		server: sandbox.url,
		user: user.username,
		password: user.password,
		secondFactor: 'none',
		authToken: '',
	};
}

/** A Password credential of a demo user, as n8n's database holds it (with the sessions it gets). */
export function passwordStore(sandbox: Sandbox, as: DemoUser = 'admin'): CredentialStore {
	return new CredentialStore({ [CREDENTIAL_NAME.password]: credentialsFor(sandbox, as) });
}

/** Starts a sandbox for the test file (beforeAll) and closes it (afterAll). */
export function useSandbox(options: SandboxOptions = {}): { readonly sandbox: Sandbox } {
	const holder = {} as { sandbox: Sandbox };
	beforeAll(async () => {
		holder.sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		if (holder.sandbox) {
			recordSecrets(holder.sandbox.secrets(), [...holder.sandbox.state.sessions.keys()]);
		}
		await holder.sandbox?.close();
	});
	return holder;
}

export interface RunNodeOptions {
	input?: IDataObject[];
	as?: DemoUser;
	auth?: Auth;
	continueOnFail?: boolean;
	/** Reuse a credential store across runs (sessions persist as in n8n's database). */
	store?: CredentialStore;
	name?: string;
	/** The node's version (default 1, so existing tests keep testing version 1). */
	typeVersion?: number;
}

export interface NodeRun extends WorkflowRunResult {
	/** The node's main output as plain JSON. */
	json: IDataObject[];
	/** The node's error, if the run stopped on it. */
	nodeError?: WorkflowRunResult['errors'][string];
}

/**
 * Runs one Squadus node (e.g. 'squadusChat') with the given parameters after a Manual
 * Trigger, against the sandbox, and returns its output.
 */
export async function runNode(
	sandbox: Sandbox,
	nodeName: string,
	parameters: INodeParameters,
	options: RunNodeOptions = {},
): Promise<NodeRun> {
	const auth = options.auth ?? 'password';
	const name = options.name ?? 'Squadus';
	const workflow = chainWorkflow({
		name,
		type: `n8n-nodes-squadus.${nodeName}`,
		parameters: { authentication: auth, ...parameters },
		credentials: nodeCredentials(auth),
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
	});
	const store =
		options.store ??
		new CredentialStore({ [CREDENTIAL_NAME[auth]]: credentialsFor(sandbox, options.as, auth) });
	const result = await runWorkflow(workflow, { credentials: store, input: options.input });
	return {
		...result,
		json: (result.outputs[name] ?? []).map((item) => item.json),
		nodeError: result.errors[name],
	};
}

/**
 * Runs the node twice: without Continue On Fail the run stops with `message`; with it, each of
 * two input items yields exactly one error item carrying `message`, paired to its input. Neither
 * run shows a password or token.
 * Returns the first run, for further checks.
 */
export async function expectNodeFailure(
	sandbox: Sandbox,
	nodeName: string,
	parameters: INodeParameters,
	message: string | RegExp,
	options: RunNodeOptions = {},
): Promise<NodeRun> {
	const stopped = await runNode(sandbox, nodeName, parameters, options);
	expect(stopped.nodeError).toBeDefined();
	expect(stopped.nodeError?.message).toMatch(message);
	expect(stopped.json).toEqual([]);

	const input: IDataObject[] = [{ n: 1 }, { n: 2 }];
	const continued = await runNode(sandbox, nodeName, parameters, {
		...options,
		input,
		continueOnFail: true,
	});
	expect(continued.nodeError).toBeUndefined();
	const items = continued.outputs[options.name ?? 'Squadus'];
	expect(items).toHaveLength(2);
	items.forEach((item, index) => {
		expect(String(item.json.error)).toMatch(message);
		expect(item.pairedItem).toEqual({ item: index });
	});
	expectNoSecrets(stopped, sandbox.secrets());
	expectNoSecrets(continued, sandbox.secrets());
	return stopped;
}

/** `expectNodeFailure` for one node, with run options every call of it shares. */
export const failureCheck =
	(nodeName: string, defaults: RunNodeOptions = {}) =>
	(
		sandbox: Sandbox,
		parameters: INodeParameters,
		message: string | RegExp,
		options: RunNodeOptions = {},
	): Promise<NodeRun> =>
		expectNodeFailure(sandbox, nodeName, parameters, message, { ...defaults, ...options });
