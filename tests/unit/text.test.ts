import { describe, expect, it } from 'vitest';
import { byDate } from '../../src/lib/articles';
import { formatDate, isoDate } from '../../src/lib/dates';
import { countWords, readingMinutes } from '../../src/lib/reading';

describe('dates', () => {
	// vitest.config.ts runs the tests in Pacific/Auckland: a local-time bug would shift the day.
	it('formats calendar days the same in every time zone', () => {
		const d = new Date('2022-01-10');
		expect(formatDate(d)).toBe('10 January 2022');
		expect(isoDate(d)).toBe('2022-01-10');
	});

	it('sorts oldest first and breaks ties by id', () => {
		const a = { id: 'b', data: { published: new Date('2022-01-10') } };
		const b = { id: 'a', data: { published: new Date('2022-01-10') } };
		const c = { id: 'c', data: { published: new Date('2022-01-09') } };
		expect([a, b, c].sort(byDate).map((x) => x.id)).toEqual(['c', 'a', 'b']);
	});
});

describe('reading time', () => {
	it('counts words, not punctuation', () => {
		expect(countWords('NATO – Russia: “talks”, 13 January.')).toBe(5);
	});
	it('rounds to whole minutes and never says zero', () => {
		expect(readingMinutes('word')).toBe(1);
		expect(readingMinutes(Array(660).fill('word').join(' '))).toBe(3);
	});
});
