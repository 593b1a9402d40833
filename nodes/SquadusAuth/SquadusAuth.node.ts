import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

// Not offered to AI agents (no usableAsTool): its outputs are session tokens.
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool
export class SquadusAuth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Auth',
		name: 'squadusAuth',
		icon: { light: 'file:../../icons/squadus.svg', dark: 'file:../../icons/squadus.dark.svg' },
		group: ['output'],
		subtitle: '={{$parameter["operation"]}}',
		description: 'Log in to and out of Squadus',
		defaults: { name: 'Squadus Auth' },
		...squadusNodeDescription(operationProperty, descriptions),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
