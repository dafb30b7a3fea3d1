/**
 * The relevance suite (tests/relevance/queries.yaml) over the built index, through the same search
 * code the site runs (src/lib/search-engine.ts) and Pagefind's own engine: recall@3 must be at
 * least 95 %. The benchmark reports the same figure through the real search page.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSearch, type PagefindApi } from '../../src/lib/search-engine';
import { checkSuite, recallAt3, scoreQuery, type QueryScore } from '../../src/lib/search-relevance';
import { loadPagefind, loadSpellingGroups, loadVocabulary } from '../helpers/pagefind';

const SUITE = checkSuite(parse(readFileSync('tests/relevance/queries.yaml', 'utf8')));

let pagefind: PagefindApi;
let vocabulary: string[];
let spellings: string[][];

beforeAll(async () => {
	pagefind = await loadPagefind();
	vocabulary = await loadVocabulary();
	spellings = await loadSpellingGroups();
});

/** The first three results' addresses for a query, as the site ranks them. */
async function topThree(q: string): Promise<string[]> {
	const outcome = await runSearch(pagefind, { q }, { vocabulary: () => Promise.resolve(vocabulary), spellings });
	const first = await Promise.all((outcome?.hits ?? []).slice(0, 3).map((h) => h.data()));
	return first.map((d) => d.url);
}

const report = (scores: QueryScore[]) =>
	scores
		.filter((s) => s.met < s.expected)
		.map((s) => `“${s.q}” (${s.kind}): missing ${s.missing.join(', ')}; got ${s.got.join(', ') || 'nothing'}`)
		.join('\n');

describe('relevance', () => {
	it('has at least 40 reader queries covering every kind', () => {
		expect(SUITE.length).toBeGreaterThanOrEqual(40);
		const kinds = new Set(SUITE.map((q) => q.kind));
		for (const kind of ['person', 'place', 'phrase', 'quotation', 'date', 'spelling', 'typo']) expect(kinds).toContain(kind);
	});

	it('puts the expected results in the first three for at least 95 % of expectations (recall@3)', async () => {
		const scores: QueryScore[] = [];
		for (const query of SUITE) scores.push(scoreQuery(query, await topThree(query.q)));
		const recall = recallAt3(scores);
		expect(recall, `recall@3 ${(recall * 100).toFixed(1)} %:\n${report(scores)}`).toBeGreaterThanOrEqual(0.95);
	});

	it('puts a person’s card and the source article that quotes them first for a name', async () => {
		// One sharp case, beside the suite's average: the article where Grushko speaks is in the top three.
		const top = await topThree('Grushko');
		expect(top).toContain('/people/alexander-grushko/');
		expect(top).toContain('/articles/nato-russia-council-rejects-key-demands/');
	});
});
