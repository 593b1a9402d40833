import {
	NodeHelpers,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeParameters,
	type INodeProperties,
	type INodeParameterResourceLocator,
	type NodeParameterValueType,
} from 'n8n-workflow';

/**
 * Whether n8n shows the property for this item, by n8n-workflow's own displayOptions evaluation
 * (NodeHelpers.displayParameter). The parameters its conditions name are resolved for the item
 * first, so an expression in one of them counts with its value, as the UI would show it.
 */
function isShown(this: IExecuteFunctions, property: INodeProperties, itemIndex: number): boolean {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const values: INodeParameters = {};
	for (const key of new Set([...Object.keys(show), ...Object.keys(hide)])) {
		if (key.startsWith('@')) continue;
		const name = key.replace(/^\//, '');
		try {
			values[name] = this.getNodeParameter(name, itemIndex) as NodeParameterValueType;
		} catch {
			// Left out: a condition on it is then unmet for show, and never hides.
		}
	}
	return NodeHelpers.displayParameter(values, property, this.getNode(), null, values);
}

function problemWith(property: INodeProperties, value: unknown): string | undefined {
	if (value === undefined || value === null) return 'is empty';
	switch (property.type) {
		case 'string':
		case 'options':
			if (typeof value === 'number' && property.type === 'string') return undefined;
			if (typeof value !== 'string')
				return `must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`;
			return value.trim() === '' ? 'is empty' : undefined;
		case 'number':
			if (typeof value !== 'number' || Number.isNaN(value))
				return `must be a number, not ${JSON.stringify(value)}`;
			return undefined;
		case 'boolean':
			return typeof value === 'boolean'
				? undefined
				: `must be true or false, not ${JSON.stringify(value)}`;
		case 'resourceLocator': {
			const locator = value as INodeParameterResourceLocator;
			const inner = typeof locator === 'object' ? locator.value : locator;
			if (inner === undefined || inner === null || String(inner).trim() === '') return 'is empty';
			if (typeof inner === 'object')
				return `must be an ID or a name, not ${Array.isArray(inner) ? 'a list' : 'an object'}`;
			return undefined;
		}
		case 'multiOptions':
			if (!Array.isArray(value)) return `must be a list, not ${JSON.stringify(value)}`;
			return value.length > 0 ? undefined : 'is empty';
		case 'json':
			if (typeof value !== 'string') return undefined;
			if (value.trim() === '') return 'is empty';
			try {
				JSON.parse(value);
				return undefined;
			} catch {
				return 'is not valid JSON';
			}
		case 'dateTime':
			if (typeof value !== 'string' && !(value instanceof Date))
				return `must be a date, not ${JSON.stringify(value)}`;
			if (typeof value === 'string' && value.trim() === '') return 'is empty';
			return Number.isNaN(new Date(value as string).getTime())
				? `is not a date: ${JSON.stringify(value)}`
				: undefined;
		default:
			return undefined;
	}
}

/**
 * Checks every required, visible parameter of an operation before any request is sent,
 * and throws a NodeOperationError that names the parameter and says how to fix it.
 */
export function assertRequiredParameters(
	this: IExecuteFunctions,
	properties: INodeProperties[],
	itemIndex: number,
): void {
	for (const property of properties) {
		if (!property.required || !isShown.call(this, property, itemIndex)) continue;
		let value: unknown;
		try {
			value = this.getNodeParameter(property.name, itemIndex);
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`The parameter "${property.displayName}" could not be read: ${error.message}`,
				{ itemIndex },
			);
		}
		const problem = problemWith(property, value);
		if (problem) {
			throw new NodeOperationError(
				this.getNode(),
				`The parameter "${property.displayName}" ${problem}`,
				{
					itemIndex,
					description: property.description
						? `Set "${property.displayName}": ${property.description}`
						: `Set "${property.displayName}" to a valid value`,
				},
			);
		}
	}
}
