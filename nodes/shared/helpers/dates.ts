import { DateTime, IANAZone } from 'luxon';
import { NodeOperationError, type INode } from 'n8n-workflow';

/** Numbers below this are epoch seconds, above it epoch milliseconds (1e11 s ≈ year 5138, 1e11 ms ≈ 1973). */
const SECONDS_LIMIT = 1e11;

const NUMERIC = /^[+-]?\d+(\.\d+)?$/;
/** `String(new Date())`: "Tue Dec 01 2026 10:00:00 GMT+0300 (Moscow Standard Time)". */
const JS_DATE_STRING = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/;

const hasToMillis = (value: object): value is { toMillis(): number } =>
	typeof (value as { toMillis?: unknown }).toMillis === 'function';

const validZone = (zone: unknown): zone is string =>
	typeof zone === 'string' && zone !== '' && IANAZone.isValidZone(zone);

function fromNumber(value: number): DateTime | undefined {
	if (!Number.isFinite(value)) return undefined;
	const millis = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
	const dateTime = DateTime.fromMillis(Math.round(millis), { zone: 'utc' });
	return dateTime.isValid ? dateTime : undefined;
}

function fromString(text: string, zone: string): DateTime | undefined {
	const value = text.trim();
	if (value === '') return undefined;
	if (NUMERIC.test(value)) return fromNumber(Number(value));
	const options = { zone, setZone: true };
	const parsers = [DateTime.fromISO, DateTime.fromRFC2822, DateTime.fromHTTP, DateTime.fromSQL];
	for (const parse of parsers) {
		const dateTime = parse.call(DateTime, value, options);
		if (dateTime.isValid) return dateTime;
	}
	if (JS_DATE_STRING.test(value)) {
		const millis = Date.parse(value);
		if (!Number.isNaN(millis)) return DateTime.fromMillis(millis, { zone: 'utc' });
	}
	return undefined;
}

/**
 * Reads a date and time as calendar and date nodes output it: an ISO 8601 string (with an
 * offset, `Z`, or none — then it is wall-clock time in `zone`), a luxon DateTime (or anything
 * with `toMillis()`), a JS Date, epoch seconds or milliseconds (number or numeric string), or a
 * calendar event's `{ dateTime, timeZone }` / all-day `{ date }` object. Undefined when the value
 * is not a date.
 */
export function parseDateTime(value: unknown, zone = 'UTC'): DateTime | undefined {
	const defaultZone = validZone(zone) ? zone : 'UTC';
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') return fromNumber(value);
	if (typeof value === 'string') return fromString(value, defaultZone);
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : DateTime.fromJSDate(value, { zone: 'utc' });
	}
	if (typeof value !== 'object') return undefined;
	if (hasToMillis(value)) {
		const millis = value.toMillis();
		return typeof millis === 'number' ? fromNumber(millis) : undefined;
	}
	const event = value as { dateTime?: unknown; date?: unknown; timeZone?: unknown };
	const eventZone = validZone(event.timeZone) ? event.timeZone : defaultZone;
	if (typeof event.dateTime === 'string') return fromString(event.dateTime, eventZone);
	if (typeof event.date === 'string') return fromString(event.date, eventZone);
	return undefined;
}

/** Whether a date parameter was left empty. */
export const isEmptyDate = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function describe(value: unknown): string {
	let text: string;
	try {
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A date parameter as epoch milliseconds (see parseDateTime for what is accepted). Throws a
 * NodeOperationError naming the parameter when the value is not a date.
 */
export function toEpochMilliseconds(
	this: { getNode(): INode; getTimezone(): string },
	value: unknown,
	itemIndex: number,
	displayName: string,
): number {
	const dateTime = parseDateTime(value, this.getTimezone());
	if (!dateTime) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" is not a date and time: "${describe(value)}"`,
			{
				itemIndex,
				description:
					'Use an ISO 8601 date such as 2026-03-08T10:00:00-05:00 (without an offset it is read in the workflow’s time zone), a DateTime such as {{ $now.plus(1, "day") }}, or epoch seconds or milliseconds',
			},
		);
	}
	return dateTime.toMillis();
}
