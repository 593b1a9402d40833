import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { optionSubtitle, squadusNodeDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { router } from '../shared/router';
import { descriptions, operationProperty, operations } from './actions';

export class SquadusAuth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Authentication',
		name: 'squadusAuth',
		icon: { light: 'file:../../icons/auth.svg', dark: 'file:../../icons/auth.dark.svg' },
		group: ['output'],
		subtitle: optionSubtitle(operationProperty),
		description: 'Log in to and out of Squadus',
		defaults: { name: 'Squadus Authentication' },
		// Deliberately not an AI tool: every output of this node is a live session token, which an
		// agent would pass to its language model. Agents use the other Squadus nodes, whose
		// credential logs in for them. (n8n-workflow types `usableAsTool` as `true | {...}`, so
		// "not a tool" is spelled as an explicit undefined.)
		usableAsTool: undefined,
		...squadusNodeDescription(operationProperty, descriptions),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this, operations);
	}
}
