import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { authenticationProperty, optionSubtitle, squadusCredentials } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { descriptions, eventProperty, events } from './events';
import { pollEvent } from './poll';

export class SquadusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Trigger',
		name: 'squadusTrigger',
		icon: { light: 'file:../../icons/trigger.svg', dark: 'file:../../icons/trigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle(eventProperty),
		description: 'Starts the workflow on new Squadus messages and conference events',
		defaults: { name: 'Squadus Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: squadusCredentials,
		properties: [authenticationProperty, eventProperty, ...descriptions],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions) {
		const event = this.getNodeParameter('event') as string;
		return await pollEvent.call(this, events[event]);
	}
}
