/** Spelling variants and “Did you mean …” (src/lib/search-spellings.ts, src/lib/search-suggest.ts). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { queryAlternatives, spellingGroups, VARIANTS, words, type NamedEntry } from '../../src/lib/search-spellings';
import { buildVocabulary, correctQuery, editDistance, nearestWord } from '../../src/lib/search-suggest';
import { loadArticles } from '../helpers/content';

const PEOPLE = parse(readFileSync('src/content/people.yaml', 'utf8')) as NamedEntry[];

describe('spelling groups', () => {
	it('pair the words of a glossary alias with the name’s, and merge groups that share a word', () => {
		const groups = spellingGroups(
			[
				{ name: 'Dmytro Kuleba', aliases: ['Dmitry Kulba', 'Kuleba'], kind: 'person' },
				{ name: 'NATO', aliases: ['North Atlantic Alliance'], kind: 'organisation' },
			],
			[['Dmytro', 'Dmitri']],
		);
		expect(groups).toEqual([
			['dmytro', 'dmitri', 'dmitry'],
			['kuleba', 'kulba'],
		]);
	});

	it('cover the spellings readers type for the names in the glossary', () => {
		const groups = spellingGroups(PEOPLE);
		const group = (w: string) => groups.find((g) => g.includes(w));
		expect(group('zelensky')).toContain('zelenskyy');
		expect(group('kulba')).toContain('kuleba');
		expect(group('anthony')).toContain('antony');
		expect(group('kiev')).toContain('kyiv');
	});

	it('list only words the sources, the explainers or the glossary contain', () => {
		const text = words(
			[
				...loadArticles().map((a) => a.body),
				readFileSync('src/content/people.yaml', 'utf8'),
				readFileSync('src/content/events.yaml', 'utf8'),
				...['what-nato-is', 'russias-demands', 'negotiation-rounds'].map((e) =>
					readFileSync(`src/content/explainers/${e}.mdx`, 'utf8'),
				),
			].join(' '),
		);
		const known = new Set(text);
		for (const group of VARIANTS)
			expect(
				group.some((w) => known.has(w.toLowerCase())),
				group.join('/'),
			).toBe(true);
	});

	it('give the words as typed first, then other spellings, fewest changes first, within a bound', () => {
		const groups = [
			['zelenskyy', 'zelensky', 'zelenskiy'],
			['volodymyr', 'volodimir'],
		];
		expect(queryAlternatives(['zelensky', 'talks'], groups)).toEqual([
			['zelensky', 'talks'],
			['zelenskyy', 'talks'],
			['zelenskiy', 'talks'],
		]);
		// Towards the site's spelling before away from it.
		expect(queryAlternatives(['volodymyr', 'zelensky'], groups, 3)).toEqual([
			['volodymyr', 'zelensky'],
			['volodymyr', 'zelenskyy'],
			['volodymyr', 'zelenskiy'],
		]);
		expect(queryAlternatives(['nato'], groups)).toEqual([['nato']]);
	});
});

describe('Did you mean', () => {
	it('counts a swap of two letters as one edit', () => {
		expect(editDistance('zelenksy', 'zelensky')).toBe(1);
		expect(editDistance('stoltenburg', 'stoltenberg')).toBe(1);
		expect(editDistance('arakamia', 'arakhamia')).toBe(1);
		expect(editDistance('nato', 'russia', 2)).toBe(3);
	});

	it('suggests the nearest word, a word still being typed too, and nothing for a word it has or a short one', () => {
		const vocabulary = ['nato', 'stoltenberg', 'stolen', 'arakhamia', 'russia'];
		expect(nearestWord('Stoltenburg', vocabulary)).toBe('stoltenberg');
		expect(nearestWord('stoltenbu', vocabulary)).toBe('stoltenberg');
		expect(nearestWord('arakamia', vocabulary)).toBe('arakhamia');
		expect(nearestWord('nato', vocabulary)).toBeUndefined();
		expect(nearestWord('nat', vocabulary)).toBeUndefined();
		expect(nearestWord('brexit', vocabulary)).toBeUndefined();
	});

	it('corrects only the words that found nothing, and only if each has a suggestion', () => {
		const vocabulary = ['nato', 'stoltenberg', 'summit'];
		expect(correctQuery('Stoltenburg NATO', new Set(['stoltenburg']), vocabulary)).toBe('stoltenberg NATO');
		expect(correctQuery('Stoltenburg xyzzy', new Set(['stoltenburg', 'xyzzy']), vocabulary)).toBeUndefined();
		expect(correctQuery('NATO', new Set(), vocabulary)).toBeUndefined();
	});

	it('builds a small vocabulary: titles, names, and frequent words, commonest first', () => {
		const vocabulary = buildVocabulary(
			[
				{ text: 'Talks in Geneva. The talks went on; talks ended. A rare word.', title: 'Geneva talks' },
				{ text: 'More talks.', title: undefined },
			],
			['Kulba'],
		);
		expect(vocabulary[0]).toBe('talks');
		expect(vocabulary).toEqual(expect.arrayContaining(['geneva', 'kulba', 'more']));
		expect(vocabulary).not.toContain('rare');
		expect(vocabulary).not.toContain('the');
	});
});
