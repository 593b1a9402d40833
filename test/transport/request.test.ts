// squadusApiRequest and resolveAuth with a stand-in for n8n-core: which credential a request
// reads and when, and failures n8n-core 2.40 never throws (its request errors are all axios
// errors) that must still read clearly. The engine tests (transport.test.ts, hostile/) cover
// the errors n8n-core really throws.
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { resolveAuth, squadusApiRequest } from '../../nodes/shared/transport/request';
import type { SquadusContext } from '../../nodes/shared/transport/types';

const SERVER = 'https://im.example.test';

/** What a node's execute() context gives the transport, and nothing more. */
function standIn({
	credential,
	authentication,
	credentials,
	send,
}: {
	/** the credential type the node holds */
	credential: string;
	authentication: (itemIndex: number) => string;
	credentials: (type: string, itemIndex: number) => ICredentialDataDecryptedObject;
	/** n8n-core's httpRequestWithAuthentication (the credential tests send nothing) */
	send?: () => Promise<unknown>;
}): SquadusContext {
	return {
		getNode: () =>
			({ name: 'Squadus', type: 'squadusUser', credentials: { [credential]: { id: 'c1', name: 'Squadus' } } }) as unknown as INode,
		getInputData: () => [{ json: {} }, { json: {} }, { json: {} }],
		getNodeParameter: (_name: string, itemIndex: number) => authentication(itemIndex),
		getCredentials: async (type: string, itemIndex: number) => credentials(type, itemIndex),
		helpers: { httpRequestWithAuthentication: send },
	} as unknown as SquadusContext;
}

describe("the node run's credential", () => {
	it('is read once per node run, and again only when asked to', async () => {
		let reads = 0;
		const context = standIn({
			credential: 'squadusApi',
			authentication: () => 'password',
			credentials: () => {
				reads++;
				return { server: `${SERVER}/api/v1/`, user: 'olga', password: 'pw' };
			},
		});
		const first = await resolveAuth.call(context, 0);
		expect(first).toMatchObject({ type: 'squadusApi', server: SERVER, credentialId: 'c1', credentialName: 'Squadus' });
		expect(await resolveAuth.call(context, 1)).toBe(first);
		expect(reads).toBe(1);
		const again = await resolveAuth.call(context, 0, true);
		expect(reads).toBe(2);
		expect(again).not.toBe(first);
	});

	it("is read for the request's item: that item's Authentication, and a wrong one is reported for it", async () => {
		const asked: Array<[string, number]> = [];
		const context = standIn({
			credential: 'squadusTokenApi',
			authentication: (itemIndex) => {
				asked.push(['authentication', itemIndex]);
				return itemIndex === 2 ? 'accessToken' : 'password';
			},
			credentials: (type, itemIndex) => {
				asked.push([type, itemIndex]);
				return { server: 'not an address', userId: 'u1', accessToken: 'pat' };
			},
		});
		const error = await squadusApiRequest.call(context, 'GET', '/me', { itemIndex: 2 }).catch((e: unknown) => e);
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			description: 'Open the credential of this node and correct it.',
			context: expect.objectContaining({ itemIndex: 2 }),
		});
		expect(asked).toEqual([
			['authentication', 2],
			['squadusTokenApi', 2],
		]);
	});
});

describe('failures n8n-core does not throw, read clearly', () => {
	function failingWith(failure: unknown) {
		let sent = 0;
		const context = standIn({
			credential: 'squadusTokenApi',
			authentication: () => 'accessToken',
			credentials: () => ({ server: SERVER, userId: 'u1', accessToken: 'pat-3c1f9e7a' }),
			send: async () => {
				sent++;
				throw failure;
			},
		});
		return { context, sent: () => sent };
	}

	it("Node's own connection error (a code, not axios) is read as the network failure it is", async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:443'), { code: 'ECONNREFUSED' });
		const { context, sent } = failingWith(refused);
		await expect(squadusApiRequest.call(context, 'POST', '/chat.postMessage', { itemIndex: 0 })).rejects.toMatchObject({
			message: `Could not connect to the Squadus server at ${SERVER}`,
			description: expect.stringContaining('(error code ECONNREFUSED)'),
		});
		expect(sent()).toBe(1);
	});

	it('a failure with neither a code nor a message still says the request failed', async () => {
		const { context } = failingWith({});
		await expect(squadusApiRequest.call(context, 'POST', '/chat.postMessage', { itemIndex: 0 })).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'The request to Squadus failed',
		});
	});
});
