/** Addresses that search reads: filters it can't apply, malformed escapes. */
import { describe, expect, it } from 'vitest';
import { fragmentId } from '../../src/lib/fragment-id';
import { dropUnknownFilters } from '../../src/lib/search-state';

const KNOWN = { type: { article: 5, event: 33 }, month: { '2022-01': 20 }, person: { 'jens-stoltenberg': 9 } };

describe('dropUnknownFilters', () => {
	it('keeps filters the index has and drops the rest, saying which', () => {
		const { state, dropped } = dropUnknownFilters('?q=nato&type=bogus&month=2022-01&person=Not+An+Id!', KNOWN);
		expect(state).toEqual({ q: 'nato', filters: { month: '2022-01' }, sort: 'relevance' });
		expect(dropped).toEqual([
			{ key: 'type', value: 'bogus' },
			{ key: 'person', value: 'Not An Id!' },
		]);
	});

	it('drops nothing from a clean address', () => {
		expect(dropUnknownFilters('?type=event&sort=newest', KNOWN)).toEqual({
			state: { q: '', filters: { type: 'event' }, sort: 'newest' },
			dropped: [],
		});
	});

	it('never throws on a malformed escape', () => {
		expect(() => dropUnknownFilters('?q=%E0%A4%A&type=%E0%A4%A', KNOWN)).not.toThrow();
		expect(dropUnknownFilters('?q=%E0%A4%A&type=%E0%A4%A', KNOWN).dropped.map((d) => d.key)).toEqual(['type']);
	});
});

describe('fragmentId', () => {
	it('decodes a fragment, and takes a malformed one as written', () => {
		expect(fragmentId('#p14')).toBe('p14');
		expect(fragmentId('#caf%C3%A9')).toBe('café');
		expect(fragmentId('#%E0%A4%A')).toBe('%E0%A4%A');
		expect(fragmentId('')).toBe('');
	});
});
