// Runs polls of the Squadus Trigger against the sandbox, as an active workflow does.
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { runPoll, type PollResult } from '../../harness';
import type { Sandbox } from '../../sandbox';
import { CREDENTIAL_NAME, nodeCredentials, credentialsFor, type DemoUser } from '../helpers';

export function triggerNode(parameters: INodeParameters): INode {
	return {
		id: 'trigger',
		name: 'Squadus Trigger',
		type: 'n8n-nodes-squadus.squadusTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'accessToken', ...parameters },
		credentials: nodeCredentials('accessToken'),
	};
}

export interface Poller {
	/** One poll continuing from the previous one's (serialised) static data. */
	poll(): Promise<IDataObject[]>;
	result?: PollResult;
}

/** Polls in sequence, passing each poll's static data to the next, as n8n persists it. */
export function poller(
	sandbox: Sandbox,
	parameters: INodeParameters,
	as: DemoUser = 'admin',
	staticData?: IDataObject,
): Poller & { staticData?: IDataObject } {
	const state: Poller & { staticData?: IDataObject } = {
		staticData,
		async poll() {
			const result = await runPoll(triggerNode(parameters), {
				credentials: { [CREDENTIAL_NAME.accessToken]: credentialsFor(sandbox, as, 'accessToken') },
				staticData: state.staticData,
			});
			state.result = result;
			state.staticData = result.staticData;
			return (result.items ?? []).map((item) => item.json);
		},
	};
	return state;
}

/** A REST call as a demo user (personal access token), for changes made "by other people". */
export async function api(
	sandbox: Sandbox,
	as: DemoUser,
	method: string,
	path: string,
	body?: IDataObject,
): Promise<IDataObject> {
	const user = sandbox.fixtures[as];
	const response = await fetch(`${sandbox.url}/api/v1/${path}`, {
		method,
		headers: {
			'Content-Type': 'application/json',
			'X-Auth-Token': user.personalAccessToken,
			'X-User-Id': user._id,
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`${path}: ${JSON.stringify(json)}`);
	return json;
}

/** The Squadus requests the sandbox logged (login and sandbox controls excluded). */
export function apiRequests(sandbox: Sandbox) {
	return sandbox.requests().filter((r) => r.path.startsWith('/api/v1/'));
}
