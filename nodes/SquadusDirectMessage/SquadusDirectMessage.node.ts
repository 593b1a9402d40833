import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusDirectMessage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Direct Message',
		name: 'squadusDirectMessage',
		icon: {
			light: 'file:../../icons/direct-message.svg',
			dark: 'file:../../icons/direct-message.dark.svg',
		},
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Open and close direct messages in Squadus',
		defaults: { name: 'Squadus Direct Message' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
