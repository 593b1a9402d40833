import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { NODE_VERSIONS, optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch, loadOptions } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusConference implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Conference',
		name: 'squadusConference',
		icon: {
			light: 'file:../../icons/conference.svg',
			dark: 'file:../../icons/conference.dark.svg',
		},
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Create, start and manage Squadus video conferences',
		defaults: { name: 'Squadus Conference' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions, { versions: NODE_VERSIONS }),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
