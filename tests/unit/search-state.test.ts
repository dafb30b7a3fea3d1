import { describe, expect, it } from 'vitest';
import {
	EMPTY_STATE,
	fromPagefindFilters,
	fromPagefindSort,
	isEmptyState,
	isNewHistoryEntry,
	MAX_QUERY,
	parseSearchState,
	serializeSearchState,
	toPagefindFilters,
	toPagefindSort,
	type SearchState,
} from '../../src/lib/search-state';

const full: SearchState = {
	q: 'open door',
	filters: {
		type: 'article',
		source: 'stoltenberg-no-compromise-on-membership',
		person: 'jens-stoltenberg',
		month: '2022-01',
	},
	sort: 'newest',
};

describe('parseSearchState', () => {
	it('reads every part of a shared link', () => {
		expect(
			parseSearchState(
				'?sort=newest&month=2022-01&person=jens-stoltenberg&source=stoltenberg-no-compromise-on-membership&type=article&q=open+door',
			),
		).toEqual(full);
	});

	it('drops what it cannot use, so an edited link still opens', () => {
		expect(
			parseSearchState(
				'?q=%20%20nato%20%0A%20talks%20&type=Article&month=2022-13&person=Jens+S&sort=random&utm_source=x',
			),
		).toEqual({
			q: 'nato talks',
			filters: { type: 'article' },
			sort: 'relevance',
		});
	});

	it('starts empty without parameters and cuts an absurdly long query', () => {
		expect(parseSearchState('')).toEqual(EMPTY_STATE);
		expect(parseSearchState(`?q=${'a'.repeat(500)}`).q).toHaveLength(MAX_QUERY);
	});
});

describe('serializeSearchState', () => {
	it('writes a canonical query string that parses back to the same state', () => {
		const s = serializeSearchState(full);
		expect(s).toBe(
			'?q=open+door&type=article&source=stoltenberg-no-compromise-on-membership&person=jens-stoltenberg&month=2022-01&sort=newest',
		);
		expect(parseSearchState(s)).toEqual(full);
	});

	it('leaves defaults out, down to nothing at all', () => {
		expect(serializeSearchState({ q: ' nato ', filters: {}, sort: 'relevance' })).toBe('?q=nato');
		expect(serializeSearchState(EMPTY_STATE)).toBe('');
	});

	it('escapes what a reader types', () => {
		const s = serializeSearchState({ ...EMPTY_STATE, q: 'a&b=c #d' });
		expect(parseSearchState(s).q).toBe('a&b=c #d');
	});
});

describe('Pagefind options', () => {
	it('maps filters both ways, one value per key', () => {
		expect(toPagefindFilters(full.filters)).toEqual({
			type: ['article'],
			source: ['stoltenberg-no-compromise-on-membership'],
			person: ['jens-stoltenberg'],
			month: ['2022-01'],
		});
		expect(fromPagefindFilters(toPagefindFilters(full.filters))).toEqual(full.filters);
		expect(fromPagefindFilters({ type: ['event', 'article'], colour: ['red'], month: [] })).toEqual({ type: 'event' });
		expect(fromPagefindFilters(undefined)).toEqual({});
	});

	it('maps sort orders both ways', () => {
		expect(toPagefindSort('newest')).toEqual({ date: 'desc' });
		expect(toPagefindSort('oldest')).toEqual({ date: 'asc' });
		expect(toPagefindSort('relevance')).toEqual({});
		for (const s of ['newest', 'oldest', 'relevance'] as const) expect(fromPagefindSort(toPagefindSort(s))).toBe(s);
	});
});

describe('history', () => {
	it('replaces the entry while typing and pushes one when filters or order change', () => {
		const a: SearchState = { q: 'nat', filters: {}, sort: 'relevance' };
		expect(isNewHistoryEntry(a, { ...a, q: 'nato' })).toBe(false);
		expect(isNewHistoryEntry(a, { ...a, filters: { type: 'article' } })).toBe(true);
		expect(isNewHistoryEntry(a, { ...a, sort: 'oldest' })).toBe(true);
		expect(isNewHistoryEntry(a, a)).toBe(false);
	});

	it('knows an empty search', () => {
		expect(isEmptyState(EMPTY_STATE)).toBe(true);
		expect(isEmptyState({ ...EMPTY_STATE, sort: 'newest' })).toBe(true);
		expect(isEmptyState({ ...EMPTY_STATE, filters: { type: 'event' } })).toBe(false);
	});
});
