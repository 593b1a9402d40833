// Shared set-up of the Squadus Channel tests: fresh channels, locator values and the
// "fails with and without Continue On Fail" check every operation repeats.
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { failureCheck, runNode, type RunNodeOptions } from '../helpers';

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });
export const byUsername = (value: string) => ({ __rl: true, mode: 'username', value });

let counter = 0;

/** A new public channel created straight in the sandbox's state (no request logged). */
export function freshChannel(
	sandbox: Sandbox,
	options: { owner?: 'admin' | 'user'; memberIds?: string[] } = {},
): { _id: string; name: string } {
	const { state, fixtures } = sandbox;
	const creator = state.userById(fixtures[options.owner ?? 'admin']._id);
	if (!creator) throw new Error('fixture user missing');
	const name = `test-channel-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
	const room = state.createRoom({ t: 'c', name, creator, memberIds: options.memberIds });
	return { _id: room._id, name };
}

/** Runs the node on one empty input item unless the test gives its own input. */
export function runChannel(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: RunNodeOptions = {},
) {
	return runNode(sandbox, 'squadusChannel', parameters, { input: [{}], ...options });
}

/** An expression resolving to an empty value: n8n's editor lets it through, the node must catch it. */
export const EMPTY = '={{ "" }}';

/** The shared Continue On Fail check (`expectNodeFailure`), for the Channel node. */
export const expectFailure = failureCheck('squadusChannel', { input: [{}] });
