import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import type { Position, Read } from './feed';

/** One file per event exports this shape (see events/). */
export interface TriggerEvent {
	description: INodeProperties[];
	/** What is watched, e.g. the channel: another key starts over. */
	key(this: IPollFunctions): string;
	timeOf(item: IDataObject): number | undefined;
	idOf(item: IDataObject): string;
	/** Items newer than `since`, newest first; without `since`, the first page or (`all`) everything. */
	read(this: IPollFunctions, since: Position | undefined, all: boolean): Promise<Read>;
	/** Drops the items the user's options filter out. */
	keep?(this: IPollFunctions, items: IDataObject[]): Promise<IDataObject[]>;
}
