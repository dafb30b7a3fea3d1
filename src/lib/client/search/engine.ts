/**
 * Pagefind's search engine (its JS API, `pagefind.js`), loaded once per page from the bundle the
 * build wrote beside the index, so engine and index are always the same version. It runs on the
 * page's own thread (`noWorker`): with an index this small a search takes about a millisecond, and
 * the worker would be another 12 KB to download before the first result.
 */
import spellings from 'virtual:site/search-spellings';
import {
	PAGEFIND_OPTIONS,
	runSearch,
	type PagefindApi,
	type SearchOutcome,
	type SearchRequest,
} from '../../search-engine';
import { BASE, BUNDLE_PATH, VOCABULARY_FILE } from './constants';

export interface Engine extends PagefindApi {
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

let engine: Promise<Engine> | undefined;

/** Starts loading the engine (script, WebAssembly, index metadata); the same promise every time. */
export function loadEngine(): Promise<Engine> {
	engine ??= (async () => {
		const pagefind = (await import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind.js`)) as Engine & {
			options(o: Record<string, unknown>): Promise<void>;
		};
		// Options must all go in one call before the first search: a second call before then replaces them.
		// Result URLs are paths inside the site; under a subpath deploy they need its base.
		await pagefind.options({ ...PAGEFIND_OPTIONS, noWorker: true, baseUrl: BASE });
		await pagefind.init();
		return pagefind;
	})();
	engine.catch(() => (engine = undefined));
	return engine;
}

let vocabulary: Promise<string[]> | undefined;

/** The site's vocabulary for “Did you mean …”, fetched the first time a search finds nothing. */
function loadVocabulary(): Promise<string[]> {
	vocabulary ??= fetch(`${BUNDLE_PATH}${VOCABULARY_FILE}`).then((r) => {
		if (!r.ok) throw new Error(`${r.status} for the search vocabulary`);
		return r.json() as Promise<string[]>;
	});
	vocabulary.catch(() => (vocabulary = undefined));
	return vocabulary;
}

/**
 * A search box's searches: each call starts a new search at once and makes every earlier one
 * stale, so results always belong to the latest words typed, however fast the reader types (no
 * debounce: an outdated search stops at its next step and its answer is dropped).
 */
export function searcher() {
	let latest = 0;
	return {
		async search(request: SearchRequest): Promise<SearchOutcome | null> {
			const id = ++latest;
			const pagefind = await loadEngine();
			if (id !== latest) return null;
			return runSearch(pagefind, request, { spellings, vocabulary: loadVocabulary, isStale: () => id !== latest });
		},
		/** Makes any search still running stale (the field was emptied). */
		cancel() {
			latest++;
		},
	};
}
