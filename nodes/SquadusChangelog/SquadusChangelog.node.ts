import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusChangelog implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Changelog',
		name: 'squadusChangelog',
		icon: { light: 'file:../../icons/changelog.svg', dark: 'file:../../icons/changelog.dark.svg' },
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Read the Squadus admin changelog',
		defaults: { name: 'Squadus Changelog' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
