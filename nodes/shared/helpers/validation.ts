import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeProperties,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

function isShown(this: IExecuteFunctions, property: INodeProperties, itemIndex: number): boolean {
	const show = property.displayOptions?.show ?? {};
	for (const [name, allowed] of Object.entries(show)) {
		if (name.startsWith('@') || !Array.isArray(allowed)) continue;
		let value: unknown;
		try {
			value = this.getNodeParameter(name, itemIndex);
		} catch {
			return false;
		}
		if (!allowed.includes(value as never)) return false;
	}
	const hide = property.displayOptions?.hide ?? {};
	for (const [name, hidden] of Object.entries(hide)) {
		if (!Array.isArray(hidden)) continue;
		try {
			if (hidden.includes(this.getNodeParameter(name, itemIndex) as never)) return false;
		} catch {
			continue;
		}
	}
	return true;
}

function problemWith(property: INodeProperties, value: unknown): string | undefined {
	if (value === undefined || value === null) return 'is empty';
	switch (property.type) {
		case 'string':
		case 'options':
			if (typeof value === 'number' && property.type === 'string') return undefined;
			if (typeof value !== 'string') return `must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`;
			return value.trim() === '' ? 'is empty' : undefined;
		case 'number':
			if (typeof value !== 'number' || Number.isNaN(value)) return `must be a number, not ${JSON.stringify(value)}`;
			return undefined;
		case 'boolean':
			return typeof value === 'boolean' ? undefined : `must be true or false, not ${JSON.stringify(value)}`;
		case 'resourceLocator': {
			const locator = value as INodeParameterResourceLocator;
			const inner = typeof locator === 'object' ? locator.value : locator;
			if (inner === undefined || inner === null || String(inner).trim() === '') return 'is empty';
			if (typeof inner === 'object') return `must be an ID or a name, not ${Array.isArray(inner) ? 'a list' : 'an object'}`;
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
			if (typeof value !== 'string' && !(value instanceof Date)) return `must be a date, not ${JSON.stringify(value)}`;
			if (typeof value === 'string' && value.trim() === '') return 'is empty';
			return Number.isNaN(new Date(value as string).getTime()) ? `is not a date: ${JSON.stringify(value)}` : undefined;
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
			throw new NodeOperationError(this.getNode(), `The parameter "${property.displayName}" could not be read: ${error.message}`, { itemIndex });
		}
		const problem = problemWith(property, value);
		if (problem) {
			throw new NodeOperationError(this.getNode(), `The parameter "${property.displayName}" ${problem}`, {
				itemIndex,
				description: property.description
					? `Set "${property.displayName}": ${property.description}`
					: `Set "${property.displayName}" to a valid value`,
			});
		}
	}
}
