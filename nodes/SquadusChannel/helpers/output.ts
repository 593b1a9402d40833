import type { IDataObject } from 'n8n-workflow';

/** Drops undefined and empty values so only what the user set is sent. */
export function compact(data: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(data).filter(
			([, value]) =>
				value !== undefined &&
				value !== '' &&
				!(Array.isArray(value) && value.length === 0) &&
				!(
					typeof value === 'object' &&
					value !== null &&
					!Array.isArray(value) &&
					Object.keys(value).length === 0
				),
		),
	);
}
