import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/** Whether text is valid JSON, or valid JSON cut short (fails only at its end). */
function isJsonPrefix(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch (error) {
		const { message } = error as Error;
		const stated = /position (\d+)/.exec(message);
		return message.includes('end of JSON input') || (!!stated && Number(stated[1]) >= text.length);
	}
}

/**
 * Line and column of a JSON syntax error. V8 states the position for some errors only
 * ("Unexpected token" has none), so it is found as the longest prefix that is still valid.
 */
export function jsonErrorPlace(text: string, error: Error): string {
	const stated = /position (\d+)/.exec(error.message);
	let position = stated ? Number(stated[1]) : 0;
	if (!stated) {
		let high = text.length;
		while (position < high) {
			const middle = Math.ceil((position + high) / 2);
			if (isJsonPrefix(text.slice(0, middle))) position = middle;
			else high = middle - 1;
		}
	}
	const before = text.slice(0, position).split('\n');
	return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * A JSON parameter's value: text is parsed (bad JSON fails before any request, with the line
 * and column of the error and `fix` as the description); a value from an expression is kept.
 * Empty text gives undefined.
 */
export function parseJsonParameter(
	this: IExecuteFunctions,
	raw: unknown,
	displayName: string,
	itemIndex: number,
	fix: string,
): unknown {
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" is not valid JSON: ${(error as Error).message} (${jsonErrorPlace(raw, error as Error)})`,
			{ itemIndex, description: fix },
		);
	}
}

/** A JSON object parameter (text or an object from an expression); undefined when empty. */
export function parseJsonObject(
	this: IExecuteFunctions,
	raw: unknown,
	displayName: string,
	itemIndex: number,
	example: string,
): IDataObject | undefined {
	if (raw === undefined || raw === null) return undefined;
	const fix = `Enter a JSON object, e.g. ${example}`;
	const value = parseJsonParameter.call(this, raw, displayName, itemIndex, fix);
	if (value === undefined) return undefined;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" must be a JSON object`,
			{ itemIndex, description: `${fix}; got ${JSON.stringify(value)?.slice(0, 80)}` },
		);
	}
	return value as IDataObject;
}
