/**
 * The relevance suite's rules (tests/relevance/queries.yaml): which expectations a query's first
 * three results meet, and recall@3 over the suite. Used by the Node test over the built index and
 * by the benchmark through the real search page, so both count the same way. It imports nothing,
 * so the benchmark's plain Node can load it too.
 */

export interface RelevanceQuery {
	q: string;
	kind: string;
	/** Each must be among the first three results. */
	top3?: string[];
	/** At least one must be among the first three. */
	anyOf?: string[];
}

export interface QueryScore {
	q: string;
	kind: string;
	/** The first three results, as addresses without a query string. */
	got: string[];
	met: number;
	expected: number;
	missing: string[];
}

const KINDS = ['person', 'organisation', 'place', 'phrase', 'quotation', 'date', 'spelling', 'typo'];

/** Checks the suite's shape; throws naming the entry and the fix. */
export function checkSuite(entries: unknown): RelevanceQuery[] {
	if (!Array.isArray(entries)) throw new Error('relevance suite: expected a list of queries');
	return entries.map((e: unknown, i) => {
		const where = `relevance suite, entry ${i + 1}`;
		const entry = e as Partial<RelevanceQuery>;
		if (typeof entry?.q !== 'string' || !entry.q.trim()) throw new Error(`${where}: \`q\` must be the words typed`);
		if (!KINDS.includes(entry.kind ?? ''))
			throw new Error(`${where} (“${entry.q}”): \`kind\` must be one of ${KINDS.join(', ')}`);
		const lists = [entry.top3 ?? [], entry.anyOf ?? []];
		if (!lists.some((l) => l.length)) throw new Error(`${where} (“${entry.q}”): give \`top3\` or \`anyOf\``);
		if ((entry.top3?.length ?? 0) > 3)
			throw new Error(`${where} (“${entry.q}”): \`top3\` can hold at most three results`);
		for (const url of lists.flat()) {
			if (typeof url !== 'string' || !url.startsWith('/') || url.includes('?'))
				throw new Error(`${where} (“${entry.q}”): “${String(url)}” must be a site address without a query string`);
		}
		return entry as RelevanceQuery;
	});
}

/** `/articles/x/?highlight=y#p3` → `/articles/x/#p3`: results compare without the highlight. */
export const resultAddress = (url: string): string => url.replace(/\?[^#]*/, '');

/** How a query's results meet its expectations. `results` in rank order; only the first three count. */
export function scoreQuery(query: RelevanceQuery, results: readonly string[]): QueryScore {
	const got = results.slice(0, 3).map(resultAddress);
	const missing = (query.top3 ?? []).filter((u) => !got.includes(u));
	let met = (query.top3?.length ?? 0) - missing.length;
	let expected = query.top3?.length ?? 0;
	if (query.anyOf?.length) {
		expected++;
		if (query.anyOf.some((u) => got.includes(u))) met++;
		else missing.push(`one of ${query.anyOf.join(', ')}`);
	}
	return { q: query.q, kind: query.kind, got, met, expected, missing };
}

/** Recall@3: expectations met over expectations, 0–1. */
export function recallAt3(scores: readonly QueryScore[]): number {
	const expected = scores.reduce((n, s) => n + s.expected, 0);
	return expected ? scores.reduce((n, s) => n + s.met, 0) / expected : 0;
}
