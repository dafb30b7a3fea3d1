/**
 * One search, from a reader's words to ranked results, over Pagefind's JS API. The same code runs
 * in the browser (the dialog and the search page) and in Node over the built index (the relevance
 * suite, tests/dist/relevance.test.ts), so what the suite measures is what readers get. Pagefind is
 * handed in; nothing here touches the DOM.
 *
 * On top of Pagefind's own ranking it:
 * - weighs results by kind, so a name query puts the source articles in which the person speaks
 *   beside their card, above timeline events that only retell them (KIND_WEIGHTS);
 * - when nothing matches, asks the site's vocabulary for the nearest words and, if that finds
 *   something, returns those results with the correction (“Did you mean …”);
 * - says which words each result was found by, so its link highlights exactly those.
 */
import { escapeHtml } from './escape';
import { SEARCH_TYPE_IDS, type SearchType } from './search';
import { queryAlternatives } from './search-spellings';
import { correctQuery } from './search-suggest';

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	weighted_locations?: { weight: number; balanced_score: number; location: number }[];
	anchor?: { element: string; id: string };
}

export interface PagefindFragment {
	url: string;
	excerpt: string;
	content: string;
	meta: Record<string, string | undefined>;
	filters?: Record<string, string[]>;
	sub_results: PagefindSubResult[];
}

export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	filters: FilterCounts;
	totalFilters: FilterCounts;
}

export interface PagefindSearchOptions {
	filters?: Record<string, string[]>;
	sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of Pagefind's JS API (pagefind.js) a search needs. */
export interface PagefindApi {
	search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
}

/**
 * How much each kind of result counts, times Pagefind's score. Source articles are the primary
 * record and are long, so Pagefind's length normalisation would otherwise sink them below the
 * short event records that retell them; a person's card is what a name query is most often for;
 * list pages only point at other results. Tuned on the relevance suite
 * (tests/relevance/queries.yaml): every value within ±0.2 of these keeps recall@3 at 100 %
 * except an article weight below 2.2 or an event weight above 0.8.
 */
export const KIND_WEIGHTS: Record<SearchType, number> = {
	article: 2.2,
	person: 1.6,
	explainer: 1.3,
	event: 0.8,
	// The corrections log retells what changed on other pages: below those pages, above plain lists.
	correction: 0.6,
	page: 0.4,
};

/**
 * Pagefind's ranking settings. `pageLength` below its default (0.75) narrows the gap between a
 * 1,300-word article and a 60-word event. Matches in the title count as Pagefind's default does;
 * the hidden `when` field (the day in words, see `searchTags`) as much, so “24 February” finds
 * what happened that day; the other metadata fields are bookkeeping and count for nothing.
 */
export const RANKING = {
	pageLength: 0.3,
	metaWeights: { title: 5, when: 5, type: 0, date: 0, date_approx: 0, image: 0, image_alt: 0 },
} as const;

/** Pagefind options every search of this site uses. */
export const PAGEFIND_OPTIONS = { excerptLength: 24, excerptEllipsis: '…', ranking: RANKING } as const;

/** Shortest query worth searching: one letter matches most of the site, and would fetch its fragments. */
export const MIN_QUERY = 2;

export interface SearchRequest {
	/** What the reader typed. Empty with filters: browse by filter. */
	q: string;
	filters?: Record<string, string[]>;
	sort?: Record<string, 'asc' | 'desc'>;
}

export interface Hit {
	id: string;
	score: number;
	kind?: SearchType | undefined;
	/** The words this result was found by (a spelling variant's, if that scored better): its highlight. */
	terms: string[];
	data: () => Promise<PagefindFragment>;
}

export interface SearchOutcome {
	/** The words the results were found by: the reader's, or the correction's. */
	terms: string[];
	hits: Hit[];
	/** Counts per filter value for this search (for the words as typed). */
	counts: FilterCounts;
	/** False when other spellings were searched too: the counts then leave their results out. */
	exactCounts: boolean;
	/** Set when nothing matched what was typed and these words were searched instead. */
	corrected?: string;
}

/**
 * The words of a query as Pagefind matches them (lower-case, punctuation dropped), for highlighting.
 * A quoted phrase gives its words.
 */
export function queryTerms(q: string): string[] {
	return q
		.toLowerCase()
		.split(/\s+/)
		.map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
		.filter(Boolean);
}

export interface RunOptions {
	/** Loads the site's vocabulary, for a query that finds nothing. */
	vocabulary?: () => Promise<readonly string[]>;
	/** Spelling groups (src/lib/search-spellings.ts); without them, words are searched as typed. */
	spellings?: readonly (readonly string[])[];
	/** Says when a newer search has started: this one then stops and returns null. */
	isStale?: () => boolean;
	weights?: Record<SearchType, number>;
}

/**
 * Runs one search. `isStale` is checked between steps, so a slow answer can never replace a newer
 * one. The vocabulary is loaded only when nothing matched.
 */
export async function runSearch(
	api: PagefindApi,
	request: SearchRequest,
	options: RunOptions = {},
): Promise<SearchOutcome | null> {
	const stale = options.isStale ?? (() => false);
	const weights = options.weights ?? KIND_WEIGHTS;
	const q = request.q.trim();
	const filters = request.filters ?? {};
	const sort = request.sort ?? {};
	const phrase = /^\s*".+"\s*$/.test(q);
	const alternatives = q && !phrase ? queryAlternatives(queryTerms(q), options.spellings ?? []) : [queryTerms(q)];
	const queries = alternatives.map((words, i) => (i === 0 ? q : words.join(' ')));
	const responses = await Promise.all(queries.map((term) => api.search(term || null, { filters, sort })));
	if (stale() || responses.some((r) => !r)) return null;
	// Only the spellings Pagefind really found (see `answers`); the words as typed always count
	// when anything at all is found for them, so browsing by filter and phrases are untouched.
	const real =
		q && !phrase
			? await Promise.all(responses.map((r, i) => answers(api, r!, alternatives[i]!)))
			: responses.map(() => true);
	if (stale()) return null;
	const kept = responses.flatMap((r, i) => (real[i] && r!.results.length ? [i] : []));
	const answered = kept.map((i) => responses[i]!);
	const found = kept.length > 0;

	if (q && !found && options.vocabulary) {
		const corrected = await correct(api, q, options.vocabulary, stale);
		if (corrected === null) return null;
		if (corrected) {
			const once: RunOptions = { ...options };
			delete once.vocabulary;
			const again = await runSearch(api, { ...request, q: corrected }, once);
			if (!again) return null;
			if (again.hits.length) return { ...again, corrected };
		}
	}

	// Weighing by kind reorders relevance only: not a date order, and not a single kind.
	const weigh = Boolean(q) && !Object.keys(sort).length && !filters.type?.length;
	// Pagefind has no per-result filters before a result's data loads, so ask per kind: each is a
	// search over chunks already loaded, about a millisecond. (Counts can't tell which kinds are
	// present: Pagefind leaves them empty until its filter index has loaded.)
	const kinds = weigh ? SEARCH_TYPE_IDS.filter((k) => weights[k] !== 1) : [];
	if (!found) return { terms: alternatives[0]!, hits: [], counts: responses[0]?.filters ?? {}, exactCounts: true };
	const lookups = await Promise.all(
		kept.flatMap((i) =>
			responses[i]!.results.length > 1 || kept.length > 1
				? kinds.map((kind) => api.search(queries[i]!, { filters: { ...filters, type: [kind] }, sort }))
				: [],
		),
	);
	if (stale()) return null;
	const kindOf = kindsById(kinds, lookups);

	// One entry per result: its best score under any spelling, and the words that gave it.
	const best = new Map<string, Hit & { rank: number }>();
	kept.forEach((i) => {
		responses[i]!.results.forEach((r, rank) => {
			const kind = kindOf.get(r.id);
			const score = r.score * (kind ? weights[kind] : 1);
			const seen = best.get(r.id);
			if (!seen || score > seen.score)
				best.set(r.id, {
					id: r.id,
					score,
					kind,
					data: () => r.data(),
					terms: alternatives[i]!,
					rank: seen?.rank ?? rank,
				});
		});
	});
	const hits = [...best.values()];
	// Date order is Pagefind's; relevance is ours.
	if (weigh || kept.length > 1) hits.sort((a, b) => b.score - a.score || a.rank - b.rank);
	return {
		terms: alternatives[kept[0]!]!,
		hits: hits.map((h) => ({ id: h.id, score: h.score, kind: h.kind, terms: h.terms, data: h.data })),
		counts: answered[0]!.filters,
		exactCounts: kept.length === 1 && kept[0] === 0,
	};
}

/** Which kind each result is, from per-kind searches (in `kinds` order, repeated per query). */
function kindsById(kinds: readonly SearchType[], lookups: (PagefindResponse | null)[]): Map<string, SearchType> {
	const out = new Map<string, SearchType>();
	lookups.forEach((lookup, i) => {
		for (const r of lookup?.results ?? []) out.set(r.id, kinds[i % kinds.length]!);
	});
	return out;
}

/**
 * The nearest query the vocabulary suggests for one that found nothing: the words that find
 * nothing on their own are replaced. '' when there is no suggestion, null when stale.
 */
async function correct(
	api: PagefindApi,
	q: string,
	vocabulary: () => Promise<readonly string[]>,
	stale: () => boolean,
): Promise<string | null> {
	const words = [...new Set(queryTerms(q))];
	// A word is a typo if the whole index lacks it, not just the filtered part.
	const alone = await Promise.all(words.map((w) => api.search(w)));
	if (stale()) return null;
	const known = await Promise.all(
		words.map((w, i) => (alone[i] ? answers(api, alone[i], [w]) : Promise.resolve(false))),
	);
	if (stale()) return null;
	const unknown = new Set(words.filter((_, i) => !known[i]));
	if (!unknown.size) return '';
	const list = await vocabulary().catch(() => []);
	if (stale()) return null;
	return correctQuery(q.replace(/"/g, ''), unknown, list) ?? '';
}

/**
 * Whether Pagefind really found the words. When no indexed word starts with a query word, Pagefind
 * falls back to the longest indexed word the query word starts with, among the index chunks it
 * happens to have loaded (pagefind_web's `find_word_extensions`): “arakamia”, a typo of
 * “Arakhamia”, then matches every “a” once something has loaded that chunk, and “grushkov” finds
 * “grushko” without saying so. Such answers count as nothing found, so a typo always gets “Did you
 * mean …” (and links that highlight the right word). A word is found if the best result has a
 * word beginning with it (“zelensk” while typing), or else if it is itself in the index, which an
 * exact search tells (“negotiations”, whose stem “negoti” is indexed).
 */
async function answers(api: PagefindApi, response: PagefindResponse, terms: readonly string[]): Promise<boolean> {
	const top = response.results[0];
	if (!top) return false;
	const fragment = await top.data();
	for (const term of terms) {
		if (supportsAll(fragment, [term])) continue;
		const exact = await api.search(`"${term}"`);
		if (!exact?.results.length) return false;
	}
	return true;
}

/** Whether a result's text has, for every term, a word beginning with it. */
export function supportsAll(fragment: Pick<PagefindFragment, 'content' | 'meta'>, terms: readonly string[]): boolean {
	const text = [fragment.content, ...Object.values(fragment.meta)].join(' ').toLowerCase();
	// Words as Pagefind indexes them: whole (“non-NATO” as “nonnato”) and in their parts.
	const words = [
		...new Set([
			...(text.match(/[\p{L}\p{N}]+/gu) ?? []),
			...text.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')),
		]),
	];
	return terms.every((term) => words.some((w) => w.startsWith(term)));
}

/**
 * `url` with `?highlight=` for each term, so the landing page marks exactly the words this result
 * was found by. Keeps an existing query and the #fragment.
 */
export function highlightUrl(url: string, terms: readonly string[], param = 'highlight'): string {
	const [beforeHash = '', hash] = splitOnce(url, '#');
	const [path = '', query] = splitOnce(beforeHash, '?');
	const params = new URLSearchParams(query ?? '');
	params.delete(param);
	for (const t of terms) params.append(param, t);
	const search = params.toString();
	return `${path}${search ? `?${search}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
	const i = s.indexOf(sep);
	return i === -1 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/**
 * Sub-results worth showing: not the page itself, best matches first (Pagefind gives them in page
 * order), at most `max`.
 */
export function bestSubResults(fragment: PagefindFragment, max: number): PagefindSubResult[] {
	const page = fragment.url.replace(/[?#].*$/, '');
	const weight = (s: PagefindSubResult) => (s.weighted_locations ?? []).reduce((n, l) => n + l.balanced_score, 0);
	return fragment.sub_results
		.filter((s) => s.url.replace(/[?#].*$/, '') === page && s.url.includes('#') && s.title !== fragment.meta.title)
		.map((s, i) => ({ s, i, w: weight(s) }))
		.sort((a, b) => b.w - a.w || a.i - b.i)
		.slice(0, max)
		.map(({ s }) => s);
}

/**
 * An excerpt of `content` around the first word that begins with one of `terms`, marked, for a
 * result found through a spelling the page doesn't use (Pagefind's own excerpt then marks
 * nothing). '' if no word matches.
 */
export function excerptAround(content: string, terms: readonly string[], length = 24): string {
	const words = content.split(/\s+/).filter(Boolean);
	const matches = (w: string) => {
		const bare = w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
		return bare.length > 0 && terms.some((t) => bare.startsWith(t));
	};
	const at = words.findIndex(matches);
	if (at === -1) return '';
	const start = Math.max(0, Math.min(at - Math.floor(length / 3), words.length - length));
	const slice = words
		.slice(start, start + length)
		.map((w) => (matches(w) ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w)));
	return `${start > 0 ? '…' : ''}${slice.join(' ')}${start + length < words.length ? '…' : ''}`;
}

/** A marked piece's punctuation at either end, and the word between (letters, digits, inner marks). */
const MARK_EDGES = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;

/**
 * An excerpt as Pagefind gives it (text with `<`/`>` escaped, matches in `<mark>`), as plain text
 * pieces, each marked or not, for building with text nodes: nothing in it can become markup.
 * Pagefind marks a word with the punctuation around it (“Grushko,”): that stays unmarked, as on
 * the landing page, where only the word is highlighted.
 */
export function excerptParts(html: string): { text: string; mark: boolean }[] {
	const parts: { text: string; mark: boolean }[] = [];
	const push = (text: string, mark: boolean) => {
		if (!text) return;
		const last = parts.at(-1);
		if (last && !last.mark && !mark) last.text += text;
		else parts.push({ text, mark });
	};
	html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((piece) => {
		const mark = piece.startsWith('<mark>');
		const text = (mark ? piece.slice(6, -7) : piece).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
		if (!mark) return push(text, false);
		const [, before = '', word = '', after = ''] = MARK_EDGES.exec(text)!;
		push(before, false);
		push(word, true);
		push(after, false);
	});
	return parts;
}
