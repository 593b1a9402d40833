import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusAutoupdate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Autoupdate',
		name: 'squadusAutoupdate',
		icon: {
			light: 'file:../../icons/autoupdate.svg',
			dark: 'file:../../icons/autoupdate.dark.svg',
		},
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Configure Squadus client autoupdates',
		defaults: { name: 'Squadus Autoupdate' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
