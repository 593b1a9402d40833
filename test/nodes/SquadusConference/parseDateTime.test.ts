// The date reader behind Planned Start / Planned End (nodes/shared/helpers/dates.ts), for the
// values an expression hands over as objects rather than text.
import { DateTime } from 'luxon';

import { parseDateTime } from '../../../nodes/shared/helpers/dates';

const INSTANT = Date.UTC(2026, 11, 1, 7, 0);
const millis = (value: unknown, zone = 'America/New_York') =>
	parseDateTime(value, zone)?.toMillis();

describe('parseDateTime', () => {
	it('reads luxon DateTime objects and anything else with toMillis()', () => {
		expect(millis(DateTime.fromISO('2026-12-01T10:00:00', { zone: 'Europe/Moscow' }))).toBe(
			INSTANT,
		);
		expect(millis({ toMillis: () => INSTANT })).toBe(INSTANT);
	});

	it('reads JS Dates, and refuses invalid ones', () => {
		expect(millis(new Date(INSTANT))).toBe(INSTANT);
		expect(millis(new Date('nope'))).toBeUndefined();
	});

	it('tells epoch seconds from epoch milliseconds', () => {
		expect(millis(INSTANT / 1000)).toBe(INSTANT);
		expect(millis(INSTANT)).toBe(INSTANT);
		expect(millis(` ${INSTANT / 1000} `)).toBe(INSTANT);
		expect(millis(Number.NaN)).toBeUndefined();
	});

	it('reads calendar event objects, all-day ones at midnight in their zone', () => {
		expect(millis({ dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Moscow' })).toBe(INSTANT);
		expect(millis({ date: '2026-12-01', timeZone: 'Europe/Moscow' })).toBe(
			Date.UTC(2026, 10, 30, 21, 0),
		);
		expect(millis({ date: '2026-12-01' })).toBe(Date.UTC(2026, 11, 1, 5, 0));
	});

	it('reads wall-clock text in the given zone and text with an offset as written', () => {
		expect(millis('2026-12-01T02:00:00', 'America/New_York')).toBe(INSTANT);
		expect(millis('2026-12-01T02:00:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 30, 17, 0));
		expect(millis('2026-12-01T10:00:00+03:00', 'Asia/Tokyo')).toBe(INSTANT);
		expect(millis('Tue, 01 Dec 2026 07:00:00 GMT')).toBe(INSTANT);
	});

	it('refuses what is not a date', () => {
		for (const value of ['', 'soon', '2026-02-30', {}, [], true, null, undefined]) {
			expect(millis(value)).toBeUndefined();
		}
	});
});
