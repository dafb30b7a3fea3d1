/**
 * Loads Pagefind's Component UI on demand, from the bundle the build wrote beside the index (so the
 * UI and the index are always the same version), and configures the one search instance a page has.
 * Only the parts of the Component UI API this site uses are typed here.
 */
import { BASE, BUNDLE_PATH, HIGHLIGHT_PARAM } from './constants';

export type FilterCounts = Record<string, Record<string, number>>;

export interface SubResult {
	title: string;
	url: string;
	excerpt: string;
	anchor?: { element: string; id: string };
}

export interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters?: Record<string, string[]>;
	sub_results: SubResult[];
}

export interface SearchResponse {
	results: unknown[];
}

interface Events {
	search: (term: string, filters: Record<string, string[]>) => void;
	results: (response: SearchResponse) => void;
	filters: (counts: { available: FilterCounts; total: FilterCounts | null }) => void;
	loading: () => void;
	error: (error: { message?: string }) => void;
}

export interface Instance {
	searchTerm: string;
	searchFilters: Record<string, string[]>;
	searchSort: Record<string, string>;
	faceted: boolean;
	/** Filter counts of the last search; for the whole index once loaded. */
	availableFilters: FilterCounts | null;
	on<E extends keyof Events>(event: E, callback: Events[E], owner?: object): void;
	triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
	triggerLoad(): Promise<void>;
	setTranslations(strings: Record<string, string>): void;
	registerInput(component: Element, capabilities: { keyboardNavigation: boolean }): void;
	focusNextResults(from: Element): boolean;
	getDisplaySubResults(result: ResultData, max: number): SubResult[];
}

interface Components {
	configureInstance(name: string, options: Record<string, unknown>): void;
	getInstanceManager(): { getInstance(name: string): Instance };
}

/** The element Pagefind renders results into; its `resultTemplate` renders one result. */
export interface ResultsElement extends HTMLElement {
	resultTemplate: ((result: ResultData) => Element) | null;
}

declare global {
	interface Window {
		PagefindComponents?: Components;
	}
}

/** Our words for the Component UI's messages (its defaults are fine, but not in our voice). */
const STRINGS: Record<string, string> = {
	search_label: 'Search the site',
	results_label: 'Search results',
	zero_results: 'No results for “[SEARCH_TERM]”. Check the spelling, or try fewer or other words.',
	one_result: '[COUNT] result for “[SEARCH_TERM]”',
	many_results: '[COUNT] results for “[SEARCH_TERM]”',
	total_zero_results: 'No results',
	total_one_result: '[COUNT] result',
	total_many_results: '[COUNT] results',
	searching: 'Searching for “[SEARCH_TERM]”…',
	loading: 'Loading more results…',
	error_search: 'Search failed',
};

let components: Promise<Components> | undefined;

function load(): Promise<Components> {
	components ??= (async () => {
		const css = Object.assign(document.createElement('link'), {
			rel: 'stylesheet',
			href: `${BUNDLE_PATH}pagefind-component-ui.css`,
		});
		const styled = new Promise((resolve, reject) => {
			css.onload = resolve;
			css.onerror = () => reject(new Error('the search styles did not load'));
		});
		// Before our own styles, so ours (for the site's look) win ties.
		document.head.prepend(css);
		// A classic script that defines the elements and sets window.PagefindComponents.
		await import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind-component-ui.js`);
		await styled;
		if (!window.PagefindComponents) throw new Error('the search interface did not load');
		return window.PagefindComponents;
	})();
	components.catch(() => (components = undefined));
	return components;
}

/** The page's search instance, configured; loads the Component UI the first time. */
export async function searchInstance(options: { faceted: boolean }): Promise<Instance> {
	const ui = await load();
	ui.configureInstance('default', {
		bundlePath: BUNDLE_PATH,
		// Result URLs are paths inside the site; under a subpath deploy they need its base.
		baseUrl: BASE,
		highlightParam: HIGHLIGHT_PARAM,
		excerptLength: 24,
		excerptEllipsis: '…',
	});
	const instance = ui.getInstanceManager().getInstance('default');
	instance.faceted = options.faceted;
	instance.setTranslations(STRINGS);
	return instance;
}

/**
 * Lets a plain `<input>` drive the instance: typing searches (debounced), ↓ moves into the results,
 * and the results' ↑, `/` and type-to-search come back to it.
 */
export function connectInput(
	instance: Instance,
	input: HTMLInputElement,
	onSearch: (term: string) => void,
	delay = 200,
): void {
	// The Component UI finds a registered input's field through `inputEl` and focuses it via `focus()`.
	const field = Object.assign(input.parentElement ?? input, { inputEl: input, focus: () => input.focus() });
	instance.registerInput(field, { keyboardNavigation: true });
	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => onSearch(input.value), delay);
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'ArrowDown' && !event.isComposing && instance.focusNextResults(input)) event.preventDefault();
	});
}
