// squadusApiRequest with a stand-in for n8n-core that throws what n8n-core 2.40 never does (its
// request errors are all axios errors): how such failures still read to the user. The engine
// tests (transport.test.ts, hostile/) cover the errors n8n-core really throws.
import type { INode } from 'n8n-workflow';

import { squadusApiRequest } from '../../nodes/shared/transport/request';
import type { SquadusContext } from '../../nodes/shared/transport/types';

const SERVER = 'https://im.example.test';

function tokenNode(failure: unknown) {
	let sent = 0;
	const context = {
		getNode: () =>
			({ name: 'Squadus', type: 'squadusUser', credentials: { squadusTokenApi: { id: 't1', name: 'Token' } } }) as unknown as INode,
		getInputData: () => [{ json: {} }],
		getNodeParameter: () => 'accessToken',
		getCredentials: async () => ({ server: SERVER, userId: 'u1', accessToken: 'pat-3c1f9e7a' }),
		helpers: {
			httpRequestWithAuthentication: async () => {
				sent++;
				throw failure;
			},
		},
	} as unknown as SquadusContext;
	return { context, sent: () => sent };
}

it("Node's own connection error (a code, not axios) is read as the network failure it is", async () => {
	const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:443'), { code: 'ECONNREFUSED' });
	const { context, sent } = tokenNode(refused);
	await expect(squadusApiRequest.call(context, 'POST', '/chat.postMessage', { itemIndex: 0 })).rejects.toMatchObject({
		message: `Could not connect to the Squadus server at ${SERVER}`,
		description: expect.stringContaining('(error code ECONNREFUSED)'),
	});
	expect(sent()).toBe(1);
});

it('a failure with neither a code nor a message still says the request failed', async () => {
	const { context } = tokenNode({});
	await expect(squadusApiRequest.call(context, 'POST', '/chat.postMessage', { itemIndex: 0 })).rejects.toMatchObject({
		name: 'NodeApiError',
		message: 'The request to Squadus failed',
	});
});
