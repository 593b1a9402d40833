import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { NODE_VERSIONS, optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusChannel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Channel',
		name: 'squadusChannel',
		icon: { light: 'file:../../icons/channel.svg', dark: 'file:../../icons/channel.dark.svg' },
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Create and manage Squadus channels, their members and roles',
		defaults: { name: 'Squadus Channel' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions, { versions: NODE_VERSIONS }),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
