import type { INodeProperties } from 'n8n-workflow';

import { FROM_VERSION_2 } from './node';

/**
 * The Simplify toggle of an operation that returns large Rocket.Chat objects, in n8n's words.
 * It exists from node version 2 on, on by default; the operation declares what it keeps in its
 * `simplify` (nodes/shared/types.ts), and the router applies it.
 */
export function simplifyField(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { ...FROM_VERSION_2 } },
	};
}
