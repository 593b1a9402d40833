// Shortcuts for the Squadus Chat and Direct Message tests.
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runNode, type RunNodeOptions } from '../helpers';

/** A resource locator parameter value. */
export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

export function nodeRunner(holder: { readonly sandbox: Sandbox }, nodeName: string) {
	return {
		/** Runs the node with one empty input item unless `input` is given. */
		run: (parameters: INodeParameters, options: RunNodeOptions = {}) =>
			runNode(holder.sandbox, nodeName, parameters, { input: [{}], ...options }),
		/** Every API request the sandbox received, except the session login. */
		apiCalls: () => holder.sandbox.requests().filter((request) => request.path !== '/api/v1/login'),
		user: (id: string) => {
			const user = holder.sandbox.state.userById(id);
			if (!user) throw new Error(`no user ${id}`);
			return user;
		},
	};
}

/** A Continue On Fail error item: the message (plus a description when the error has one). */
export const errorItem = (error: string) => expect.objectContaining({ error });
