import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { advance, newestFirst, type Position } from './feed';
import type { TriggerEvent } from './types';

/**
 * One poll: reads what is newer than the stored position, stores the new position in the
 * workflow's static data (n8n persists it) and emits the new items oldest first. The first poll
 * only records the position, unless Replay History on First Poll is on. A manual run emits the
 * latest item so the user sees the data's shape, and leaves the position alone.
 */
export async function pollEvent(
	this: IPollFunctions,
	event: TriggerEvent,
): Promise<INodeExecutionData[][] | null> {
	const key = event.key.call(this);
	const keep = async (items: IDataObject[]) =>
		event.keep ? await event.keep.call(this, items) : items;

	if (this.getMode() === 'manual') {
		const { items } = await event.read.call(this, undefined, false);
		const latest = (await keep(newestFirst(items, event.timeOf)))[0];
		return latest ? [this.helpers.returnJsonArray([latest])] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const saved = staticData.position as unknown as Position | undefined;
	const since = saved?.key === key ? saved : undefined;
	const replay = !since && (this.getNodeParameter('options.replayHistory', false) as boolean);

	const read = await event.read.call(this, since, replay);
	const start: Position = { key, ts: 0, from: 0, seen: {} };
	const position = advance(since ?? start, read, event.timeOf, event.idOf);
	staticData.position = position as unknown as IDataObject;
	if (!since && !replay) return null;

	const wanted = await keep(newestFirst(read.items, event.timeOf));
	return wanted.length ? [this.helpers.returnJsonArray(wanted.reverse())] : null;
}
