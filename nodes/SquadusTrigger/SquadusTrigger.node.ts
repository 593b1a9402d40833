import type { INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { optionSubtitle, squadusTriggerDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { descriptions, eventProperty, events } from './events';
import { pollEvent } from './poll';

export class SquadusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Trigger',
		name: 'squadusTrigger',
		icon: { light: 'file:../../icons/trigger.svg', dark: 'file:../../icons/trigger.dark.svg' },
		group: ['trigger'],
		subtitle: optionSubtitle(eventProperty),
		description: 'Starts the workflow on new Squadus messages and conference events',
		defaults: { name: 'Squadus Trigger' },
		polling: true,
		...squadusTriggerDescription([eventProperty, ...descriptions]),
	};

	methods = { listSearch };

	async poll(this: IPollFunctions) {
		const event = this.getNodeParameter('event') as string;
		return await pollEvent.call(this, events[event]);
	}
}
