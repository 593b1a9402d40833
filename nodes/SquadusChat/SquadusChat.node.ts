import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { NODE_VERSIONS, optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Chat',
		name: 'squadusChat',
		icon: { light: 'file:../../icons/squadus.svg', dark: 'file:../../icons/squadus.dark.svg' },
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Send and manage messages in Squadus',
		defaults: { name: 'Squadus Chat' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions, { versions: NODE_VERSIONS }),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
