import { describe, expect, it } from 'vitest';
import { findMentions, nameMatcher } from '../../src/lib/mentions';

describe('mentions', () => {
	it('matches whole names and aliases, including possessives', () => {
		const m = nameMatcher(['Vladimir Putin', 'Putin']);
		expect(m?.test('some of Putin’s demand')).toBe(true);
		expect(m?.test('President Vladimir Putin has cited')).toBe(true);
		expect(m?.test('Putinism')).toBe(false);
	});

	it('does not match short names inside longer words', () => {
		expect(nameMatcher(['UA'])?.test('the UAE and Ukraine')).toBe(false);
		expect(nameMatcher(['UA'])?.test('writes UA.')).toBe(true);
	});

	it('returns the paragraphs that name the person, in order', () => {
		const paras = [
			{ article: 'a', p: 'p1', text: 'Stoltenberg said' },
			{ article: 'a', p: 'p2', text: 'Nothing here' },
			{ article: 'b', p: 'p1', text: 'Jens Stoltenberg, who chaired' },
		];
		expect(findMentions(paras, ['Jens Stoltenberg', 'Stoltenberg']).map((m) => `${m.article}#${m.p}`)).toEqual([
			'a#p1',
			'b#p1',
		]);
	});

	it('finds nothing without names', () => {
		expect(findMentions([{ article: 'a', p: 'p1', text: 'x' }], [])).toEqual([]);
	});
});
