import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

import { optionSubtitle, squadusTriggerDescription } from '../shared/descriptions';
import { listSearch } from '../shared/methods';
import { eventProperty, properties } from './description';
import { readSettings, RealtimeWatch, requireWebSocket } from './watch';

export class SquadusRealtimeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Squadus Realtime Trigger',
		name: 'squadusRealtimeTrigger',
		icon: { light: 'file:../../icons/realtime.svg', dark: 'file:../../icons/realtime.dark.svg' },
		group: ['trigger'],
		subtitle: optionSubtitle(eventProperty),
		description: 'Starts the workflow within a second of a new Squadus message (Realtime API)',
		defaults: { name: 'Squadus Realtime Trigger' },
		...squadusTriggerDescription(properties),
	};

	methods = { listSearch };

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const Impl = requireWebSocket.call(this);
		const settings = readSettings.call(this);
		const watch = new RealtimeWatch(this, Impl, settings, (item) => {
			this.emit([this.helpers.returnJsonArray([item])]);
		});
		await watch.start();
		return {
			closeFunction: async () => await watch.stop(),
			// "Test step": the connection is open; the next matching message ends the test.
			manualTriggerFunction: async () => {},
		};
	}
}
