import { describe, expect, it } from 'vitest';
import { isCalendarDay, yamlDateProblems } from '../../src/lib/dates';
import { calendarDay } from '../../src/schemas/dates';

describe('calendar days', () => {
	it('accepts real days written YYYY-MM-DD and nothing else', () => {
		expect(isCalendarDay('2022-01-10')).toBe(true);
		expect(isCalendarDay('2024-02-29')).toBe(true);
		for (const bad of ['2022-02-29', '2022-13-01', '2022-1-10', '10 January 2022', '2022-01-10T00:00:00Z'])
			expect(isCalendarDay(bad), bad).toBe(false);
	});

	it('finds YAML dates that a parser would silently roll over', () => {
		const yaml =
			'title: x\npublished: 2022-13-45\nevents:\n  - date: 2022-02-30 # typo\n  - date: 2022-02-24\nquoted: "2022-04-31"';
		expect(yamlDateProblems(yaml)).toEqual([
			{ key: 'published', value: '2022-13-45', line: 2 },
			{ key: 'date', value: '2022-02-30', line: 4 },
			{ key: 'quoted', value: '2022-04-31', line: 6 },
		]);
	});
});

describe('calendarDay schema', () => {
	const schema = calendarDay();
	it('takes a YAML date or an ISO string to the same UTC midnight', () => {
		expect(schema.parse(new Date('2022-01-10T00:00:00Z'))).toEqual(new Date('2022-01-10T00:00:00Z'));
		expect(schema.parse('2022-01-10')).toEqual(new Date('2022-01-10T00:00:00Z'));
	});

	it('refuses what z.coerce.date() would have guessed at', () => {
		for (const bad of ['6 March 2022', '1', '2022/03/06', new Date('2022-03-06T15:00:00Z'), 20220306])
			expect(schema.safeParse(bad).success, String(bad)).toBe(false);
		expect(schema.safeParse('1930-01-01').success).toBe(false);
	});
});
