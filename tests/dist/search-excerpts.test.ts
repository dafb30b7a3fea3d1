/**
 * What readers see under each result reads as text (issue 10): no words run together where two
 * blocks meet (“GrushkoDeputy”), no screen-reader labels of citation markers (“Source [3]”), no
 * backlink furniture (“Cited in …”) and no date lines run into titles. Checked on the excerpts and
 * sub-result excerpts of every result of a set of queries, over the built index.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSearch, type PagefindApi } from '../../src/lib/search-engine';
import { loadPagefind, loadSpellingGroups } from '../helpers/pagefind';

/** Names, places and words that run through every kind of page. */
const QUERIES = ['Grushko', 'Stoltenberg', 'Lavrov', 'NATO', 'Geneva', 'membership', 'open door', 'talks', 'Russia'];

/** A lower-case letter then a capital inside one word: two blocks glued (“GrushkoDeputy”). Addresses and handles excepted. */
const GLUED = /(?<![/@.\w])[\p{L}’']*\p{Ll}\p{Lu}[\p{L}’']*/gu;
const URLISH = /[/@]|\.\w/;

let pagefind: PagefindApi;
let spellings: string[][];

beforeAll(async () => {
	pagefind = await loadPagefind();
	spellings = await loadSpellingGroups();
});

/** Every excerpt a query's results show, with where it comes from. */
async function excerpts(q: string): Promise<{ where: string; text: string }[]> {
	const outcome = await runSearch(pagefind, { q }, { spellings });
	const fragments = await Promise.all((outcome?.hits ?? []).map((h) => h.data()));
	return fragments.flatMap((f) => [
		{ where: f.url, text: f.excerpt },
		...f.sub_results.map((s) => ({ where: s.url, text: s.excerpt })),
	]);
}

const plain = (html: string) => html.replace(/<\/?mark>/g, '');

describe('search excerpts', () => {
	it.each(QUERIES)('for “%s” read as text', async (q) => {
		const shown = await excerpts(q);
		expect(shown.length).toBeGreaterThan(0);
		const problems = shown.flatMap(({ where, text }) => {
			const t = plain(text);
			const glued = [...t.matchAll(GLUED)].map((m) => m[0]).filter((w) => !URLISH.test(w));
			return [
				...glued.map((w) => `${where}: “${w}” runs two words together`),
				...(t.includes('Source [') ? [`${where}: a citation label “Source [n]” in “${t}”`] : []),
				...(/\bCited in\b/.test(t) ? [`${where}: backlink furniture “Cited in” in “${t}”`] : []),
			];
		});
		expect(problems).toEqual([]);
	});

	it('catches what it is for', () => {
		// The checks themselves, on the faults the issue found.
		expect([...'the people index read GrushkoDeputy'.matchAll(GLUED)].map((m) => m[0])).toEqual(['GrushkoDeputy']);
		expect([...'see https://t.co/epDFlon3pd and McCain'.matchAll(GLUED)].map((m) => m[0])).toEqual(['McCain']);
	});
});
