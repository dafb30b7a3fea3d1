/**
 * The state of a search as it lives in the address bar: `/search/?q=…&type=…&source=…&person=…
 * &month=…&sort=newest`. Parsing is forgiving (anything unknown or malformed is dropped, so an
 * edited link still opens); serialising is canonical (fixed order, defaults left out), so the same
 * search always has the same URL and back/forward can compare states as strings.
 */
import { KEBAB_ID } from './ids';
import { FILTER_KEYS, type FilterKey } from './search';
import { MIN_QUERY } from './search-engine';

export const SORTS = {
	relevance: 'Best match',
	newest: 'Newest first',
	oldest: 'Oldest first',
} as const;
export type SortOrder = keyof typeof SORTS;

export type SearchFilters = Partial<Record<FilterKey, string>>;

export interface SearchState {
	/** What the reader typed, trimmed; empty for none. */
	q: string;
	/** At most one value per filter. */
	filters: SearchFilters;
	sort: SortOrder;
}

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: 'relevance' };

const VALUE: Record<FilterKey, RegExp> = {
	type: /^[a-z]+$/,
	source: KEBAB_ID,
	person: KEBAB_ID,
	month: /^\d{4}-(0[1-9]|1[0-2])$/,
};

/** The longest query kept from a URL; longer ones are cut, not refused. */
export const MAX_QUERY = 200;

export function parseSearchState(params: URLSearchParams | string): SearchState {
	const p = typeof params === 'string' ? new URLSearchParams(params) : params;
	const q = (p.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
	const filters: SearchFilters = {};
	for (const key of FILTER_KEYS) {
		const value = p.get(key)?.trim().toLowerCase();
		if (value && VALUE[key].test(value)) filters[key] = value;
	}
	const sort = p.get('sort');
	return { q, filters, sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance' };
}

/** `?q=…&type=…` (or `''` for the empty state), in a fixed order. */
export function serializeSearchState(state: SearchState): string {
	const p = new URLSearchParams();
	const q = state.q.replace(/\s+/g, ' ').trim();
	if (q) p.set('q', q);
	for (const key of FILTER_KEYS) {
		const value = state.filters[key];
		if (value) p.set(key, value);
	}
	if (state.sort !== 'relevance') p.set('sort', state.sort);
	const s = p.toString();
	return s ? `?${s}` : '';
}

export const sameState = (a: SearchState, b: SearchState): boolean =>
	serializeSearchState(a) === serializeSearchState(b);

/** Nothing to search: no words worth searching, and no filter to browse by. */
export const isEmptyState = (s: SearchState): boolean => s.q.length < MIN_QUERY && Object.keys(s.filters).length === 0;

/** Filters in the form Pagefind's search takes: `{ type: ['article'] }`. */
export function toPagefindFilters(filters: SearchFilters): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const key of FILTER_KEYS) {
		const value = filters[key];
		if (value) out[key] = [value];
	}
	return out;
}

/** Back from Pagefind's form; values beyond the first and unknown keys are dropped. */
export function fromPagefindFilters(filters: Record<string, unknown> | undefined): SearchFilters {
	const out: SearchFilters = {};
	for (const key of FILTER_KEYS) {
		const raw = filters?.[key];
		const value = Array.isArray(raw) ? (raw[0] as unknown) : raw;
		if (typeof value === 'string' && VALUE[key].test(value)) out[key] = value;
	}
	return out;
}

/** Pagefind's sort option for a sort order (`{}` sorts by relevance). */
export function toPagefindSort(sort: SortOrder): Record<string, 'asc' | 'desc'> {
	if (sort === 'newest') return { date: 'desc' };
	if (sort === 'oldest') return { date: 'asc' };
	return {};
}

/** The sort order for Pagefind's sort option; anything unrecognised is relevance. */
export function fromPagefindSort(sort: Record<string, string> | undefined): SortOrder {
	const dir = sort?.date;
	return dir === 'desc' ? 'newest' : dir === 'asc' ? 'oldest' : 'relevance';
}

/**
 * Whether moving from one state to the next deserves its own history entry. Typing refines a
 * search in place (replace); changing a filter or the order is a step the reader may want to undo
 * with Back (push).
 */
export function isNewHistoryEntry(from: SearchState, to: SearchState): boolean {
	return !sameState({ ...from, q: '' }, { ...to, q: '' });
}

/** A filter in an address that the search cannot apply. */
export interface DroppedFilter {
	key: FilterKey;
	value: string;
}

/**
 * Filters an address asked for that the search can't apply: malformed ones (which parsing
 * drops), and well-formed values the index doesn't have (`known`: every value of each filter, as
 * the index reports them). Returns the state without them, and what was dropped, so the page can
 * say so rather than silently show no results.
 */
export function dropUnknownFilters(
	params: URLSearchParams | string,
	known: Partial<Record<string, Record<string, number>>>,
): { state: SearchState; dropped: DroppedFilter[] } {
	const p = typeof params === 'string' ? new URLSearchParams(params) : params;
	const state = parseSearchState(p);
	const dropped: DroppedFilter[] = [];
	const filters: SearchFilters = {};
	for (const key of FILTER_KEYS) {
		const asked = p.get(key)?.trim();
		if (!asked) continue;
		const value = state.filters[key];
		if (value && Object.hasOwn(known[key] ?? {}, value)) filters[key] = value;
		else dropped.push({ key, value: asked });
	}
	return { state: { ...state, filters }, dropped };
}
