import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type Conditions = NonNullable<IDisplayOptions['show']>;

function mergeConditions(own: Conditions | undefined, added: Conditions): Conditions {
	const merged: Conditions = { ...own };
	for (const [name, values] of Object.entries(added)) {
		const before = merged[name];
		// as lodash.merge does: position by position, the added value wins
		merged[name] =
			Array.isArray(before) && Array.isArray(values)
				? Object.assign([...before], values)
				: Array.isArray(values)
					? [...values]
					: values;
	}
	return merged;
}

/**
 * n8n-workflow's `updateDisplayOptions`, with the same result for node descriptions: every
 * property gets the given show/hide conditions merged into its own. n8n-workflow's version
 * deep-merges each property with lodash.merge, which made up most of the package's load time
 * (measured in bench/package-cost.ts); this one copies the two levels a description has.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const merged: IDisplayOptions = { ...own };
		if (displayOptions.show) merged.show = mergeConditions(own.show, displayOptions.show);
		if (displayOptions.hide) merged.hide = mergeConditions(own.hide, displayOptions.hide);
		return { ...property, displayOptions: merged };
	});
}
