import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { NODE_VERSIONS, optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusUser implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus User',
		name: 'squadusUser',
		icon: { light: 'file:../../icons/user.svg', dark: 'file:../../icons/user.dark.svg' },
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Create, get and delete Squadus users and manage their sessions',
		defaults: { name: 'Squadus User' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions, { versions: NODE_VERSIONS }),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
