/** The search pipeline over a stand-in for Pagefind's API (src/lib/search-engine.ts). */
import { describe, expect, it } from 'vitest';
import {
	bestSubResults,
	excerptAround,
	excerptParts,
	highlightUrl,
	queryTerms,
	runSearch,
	supportsAll,
	type PagefindApi,
	type PagefindFragment,
	type PagefindResponse,
	type PagefindSearchOptions,
} from '../../src/lib/search-engine';

interface Page {
	url: string;
	type: string;
	text: string;
	title?: string;
}

/**
 * A tiny engine with Pagefind's habits: words match by prefix, every word must match, a type
 * filter narrows, scores are given per page and query, a quoted word matches only itself, and a
 * word no indexed word starts with is answered with the longest indexed word it begins with (its
 * fallback).
 */
function fakePagefind(pages: Page[], scores: Record<string, Record<string, number>> = {}) {
	const calls: { term: string | null; options: PagefindSearchOptions }[] = [];
	const words = (p: Page) => `${p.title ?? ''} ${p.text}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	const all = [...new Set(pages.flatMap(words))];
	const api: PagefindApi = {
		search(term, options = {}) {
			calls.push({ term, options });
			const type = options.filters?.type?.[0];
			const terms = (term ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
			const exact = /^".*"$/.test(term ?? '');
			const matchers = terms.map((t) =>
				exact
					? (w: string) => w === t
					: all.some((w) => w.startsWith(t))
						? (w: string) => w.startsWith(t)
						: (w: string) => w === [...all].filter((x) => t.startsWith(x)).sort((a, b) => b.length - a.length)[0],
			);
			const results = pages
				.filter((p) => (!type || p.type === type) && matchers.every((m) => words(p).some(m)))
				.map((p) => ({
					id: p.url,
					score: scores[term ?? '']?.[p.url] ?? 1,
					data: (): Promise<PagefindFragment> =>
						Promise.resolve({
							url: p.url,
							excerpt: p.text,
							content: p.text,
							meta: { title: p.title ?? p.url, type: p.type },
							sub_results: [],
						}),
				}))
				.sort((a, b) => b.score - a.score);
			const response: PagefindResponse = {
				results,
				unfilteredResultCount: results.length,
				filters: {},
				totalFilters: {},
			};
			return Promise.resolve(response);
		},
	};
	return { api, calls };
}

const PAGES: Page[] = [
	{ url: '/people/alexander-grushko/', type: 'person', title: 'Alexander Grushko', text: 'Deputy foreign minister.' },
	{
		url: '/timeline/#grushko-end-open-door',
		type: 'event',
		title: 'Grushko says',
		text: 'Grushko says NATO must end it.',
	},
	{ url: '/articles/nrc/', type: 'article', title: 'NATO rejected demands', text: 'Alexander Grushko said a lot.' },
	{ url: '/people/', type: 'page', title: 'People', text: 'Grushko and others.' },
	{ url: '/articles/kyiv/', type: 'article', title: 'A source', text: 'In Kyiv, officials said.' },
	{ url: '/articles/kiev/', type: 'article', title: 'Another source', text: 'In Kiev, officials said.' },
];

const urls = async (outcome: Awaited<ReturnType<typeof runSearch>>) =>
	Promise.all((outcome?.hits ?? []).map(async (h) => (await h.data()).url));

describe('runSearch', () => {
	it('weighs results by kind, so the article where a person speaks beats an event that retells it', async () => {
		const { api } = fakePagefind(PAGES, {
			grushko: {
				'/timeline/#grushko-end-open-door': 10,
				'/people/alexander-grushko/': 9,
				'/articles/nrc/': 5,
				'/people/': 8,
			},
		});
		const outcome = await runSearch(api, { q: 'grushko' });
		expect(await urls(outcome)).toEqual([
			'/people/alexander-grushko/', // 9 × 1.6
			'/articles/nrc/', // 5 × 2.2
			'/timeline/#grushko-end-open-door', // 10 × 0.8
			'/people/', // 8 × 0.4
		]);
		expect(outcome?.terms).toEqual(['grushko']);
	});

	it('keeps Pagefind’s order when sorting by date or within one kind', async () => {
		const { api, calls } = fakePagefind(PAGES, { grushko: { '/people/': 20 } });
		const dated = await runSearch(api, { q: 'grushko', sort: { date: 'asc' } });
		expect((await urls(dated))[0]).toBe('/people/');
		expect(calls.filter((c) => c.options.filters?.type)).toEqual([]);
	});

	it('searches other spellings too, and each result highlights the spelling that found it', async () => {
		const { api } = fakePagefind(PAGES);
		const outcome = await runSearch(api, { q: 'Kiev' }, { spellings: [['kyiv', 'kiev']] });
		const found = await Promise.all(
			(outcome?.hits ?? []).map(async (h) => [(await h.data()).url, h.terms.join(' ')] as const),
		);
		expect(Object.fromEntries(found)).toEqual({ '/articles/kiev/': 'kiev', '/articles/kyiv/': 'kyiv' });
		expect(outcome?.exactCounts).toBe(false);
	});

	it('offers the nearest word when nothing matches, and ignores Pagefind’s answer for a word it doesn’t have', async () => {
		const { api } = fakePagefind(PAGES);
		// “grushkov”: no word starts with it; the fake, like Pagefind, would answer with a shorter word.
		const outcome = await runSearch(api, { q: 'Grushkov' }, { vocabulary: () => Promise.resolve(['nato', 'grushko']) });
		expect(outcome?.corrected).toBe('grushko');
		expect(outcome?.terms).toEqual(['grushko']);
		expect(await urls(outcome)).toContain('/people/alexander-grushko/');

		const { api: withA } = fakePagefind([...PAGES, { url: '/a/', type: 'page', text: 'a b c' }]);
		const none = await runSearch(withA, { q: 'arakamia' }, { vocabulary: () => Promise.resolve(['nato']) });
		expect(none?.hits).toEqual([]);
		expect(none?.corrected).toBeUndefined();
	});

	it('stops when a newer search has started, and returns nothing for it', async () => {
		const { api } = fakePagefind(PAGES);
		let latest = 1;
		const first = runSearch(api, { q: 'grushko' }, { isStale: () => latest !== 1 });
		latest = 2;
		expect(await first).toBeNull();
	});

	it('browses by filter when there are no words', async () => {
		const { api, calls } = fakePagefind(PAGES);
		const outcome = await runSearch(api, { q: '', filters: { type: ['article'] } });
		expect((await urls(outcome)).sort()).toEqual(['/articles/kiev/', '/articles/kyiv/', '/articles/nrc/']);
		expect(calls[0]?.term).toBeNull();
	});
});

describe('result helpers', () => {
	it('gives the words a query matches by, as Pagefind does', () => {
		expect(queryTerms('  Non-NATO “models”  ')).toEqual(['nonnato', 'models']);
		expect(queryTerms('"absolutely imperative"')).toEqual(['absolutely', 'imperative']);
	});

	it('puts the highlight before the fragment, replacing any earlier one', () => {
		expect(highlightUrl('/articles/x/#p3', ['grushko'])).toBe('/articles/x/?highlight=grushko#p3');
		expect(highlightUrl('/articles/x/?highlight=gr&a=1', ['grushko', 'nato'])).toBe(
			'/articles/x/?a=1&highlight=grushko&highlight=nato',
		);
		expect(highlightUrl('/people/', [])).toBe('/people/');
	});

	it('builds excerpts from text only: markup in the text stays text', () => {
		expect(excerptParts('a <mark>Grushko</mark> said &lt;img onerror=x&gt;')).toEqual([
			{ text: 'a ', mark: false },
			{ text: 'Grushko', mark: true },
			{ text: ' said <img onerror=x>', mark: false },
		]);
	});

	it('leaves the punctuation Pagefind marks with a word unmarked', () => {
		expect(excerptParts('Alexander <mark>Grushko.</mark> Deputy')).toEqual([
			{ text: 'Alexander ', mark: false },
			{ text: 'Grushko', mark: true },
			{ text: '. Deputy', mark: false },
		]);
		expect(excerptParts('said <mark>“NATO’s</mark> door')).toEqual([
			{ text: 'said “', mark: false },
			{ text: 'NATO’s', mark: true },
			{ text: ' door', mark: false },
		]);
		// Punctuation alone is never marked.
		expect(excerptParts('a <mark>—</mark> b')).toEqual([{ text: 'a — b', mark: false }]);
	});

	it('makes an excerpt around a spelling the page uses', () => {
		const text = 'one two three four five six In Kyiv, officials said seven eight';
		expect(excerptAround(text, ['kyiv'], 6)).toBe('…six In <mark>Kyiv,</mark> officials said seven…');
		expect(excerptAround('<b>x</b> Kyiv', ['kyiv'])).toBe('&lt;b&gt;x&lt;/b&gt; <mark>Kyiv</mark>');
		expect(excerptAround(text, ['kiev'])).toBe('');
	});

	it('tells a real match from Pagefind’s fallback to a shorter word', () => {
		const fragment = { content: 'A NATO summit took a decision; negotiations', meta: { title: 'Summit' } };
		expect(supportsAll(fragment, ['arakamia'])).toBe(false);
		expect(supportsAll(fragment, ['negotiation', 'nato'])).toBe(true);
		expect(supportsAll(fragment, ['summ'])).toBe(true);
		expect(supportsAll({ content: 'Ukraine open to “non-NATO models”', meta: {} }, ['nonnato'])).toBe(true);
	});

	it('shows the best places inside a result first, never the page itself', () => {
		const fragment = {
			url: '/articles/x/',
			excerpt: '',
			content: '',
			meta: { title: 'X' },
			sub_results: [
				{ title: 'X', url: '/articles/x/', excerpt: '' },
				{
					title: 'Paragraph 1',
					url: '/articles/x/#p1',
					excerpt: '',
					weighted_locations: [{ weight: 1, balanced_score: 1, location: 1 }],
				},
				{
					title: 'Paragraph 9',
					url: '/articles/x/#p9',
					excerpt: '',
					weighted_locations: [{ weight: 1, balanced_score: 5, location: 90 }],
				},
			],
		};
		expect(bestSubResults(fragment, 3).map((s) => s.title)).toEqual(['Paragraph 9', 'Paragraph 1']);
		expect(bestSubResults(fragment, 1).map((s) => s.title)).toEqual(['Paragraph 9']);
	});
});
