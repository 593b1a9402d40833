import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusMeetingRecord implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Meeting Record',
		name: 'squadusMeetingRecord',
		icon: {
			light: 'file:../../icons/meeting-record.svg',
			dark: 'file:../../icons/meeting-record.dark.svg',
		},
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Manage Squadus meeting records',
		defaults: { name: 'Squadus Meeting Record' },
		usableAsTool: true,
		...squadusNodeDescription(operationProperty, descriptions),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
