/**
 * Search results on screen, for the dialog and the search page: a status line, the results (what
 * each is and when, its title, an excerpt with the matched words marked, and up to three places
 * inside it that match), more on request, and a polite announcement for screen readers.
 *
 * Results appear as their data arrives, in order; the previous results stay until the first new
 * one is ready, so the list never flashes empty while typing. Every link highlights the words
 * that found that result (`hit.terms`), never a query typed earlier.
 */
import { SEARCH_TYPES, type SearchType } from '../../search';
import {
	bestSubResults,
	excerptAround,
	excerptParts,
	highlightUrl,
	type Hit,
	type PagefindFragment,
	type SearchOutcome,
} from '../../search-engine';
import { HIGHLIGHT_PARAM } from './constants';

const MAX_SUB_RESULTS = 3;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
};

/** "Source article · about 13 January 2022" */
export function eyebrow(meta: PagefindFragment['meta']): string {
	const type = meta.type as SearchType | undefined;
	const parts: string[] = [];
	if (type && Object.hasOwn(SEARCH_TYPES, type)) parts.push(SEARCH_TYPES[type].one);
	// `when` is the date in words, written by the build (searchTags in src/lib/search.ts).
	if (meta.when) parts.push(`${meta.date_approx ? 'about ' : ''}${meta.when}`);
	return parts.join(' · ');
}

/** A paragraph of excerpt text, matched words in <mark>, built from text nodes only. */
function excerpt(html: string, className: string): HTMLParagraphElement {
	const p = el('p', className);
	for (const part of excerptParts(html)) p.append(part.mark ? el('mark', '', part.text) : part.text);
	return p;
}

/** One result as a list item. */
function renderHit(hit: Hit, fragment: PagefindFragment, level: 2 | 3): HTMLLIElement {
	const item = el('li', 'search-result');
	const title = fragment.meta.title || fragment.url;
	const label = eyebrow(fragment.meta);
	if (label) item.append(el('p', 'search-result-eyebrow', label));
	const heading = el(`h${level}`, 'search-result-title');
	const link = el('a', 'search-result-link', title);
	link.href = highlightUrl(fragment.url, hit.terms, HIGHLIGHT_PARAM);
	heading.append(link);
	item.append(heading);
	// Browsing by filter (no words) marks nothing: the title says enough. A result found through
	// another spelling of a word gets an excerpt around that spelling.
	const text = fragment.excerpt.includes('<mark>') ? fragment.excerpt : excerptAround(fragment.content, hit.terms);
	if (text) item.append(excerpt(text, 'search-result-excerpt'));

	const subs = bestSubResults(fragment, MAX_SUB_RESULTS);
	if (subs.length) {
		const list = el('ul', 'search-result-subs');
		list.setAttribute('aria-label', `Matches in “${title}”`);
		for (const sub of subs) {
			const li = el('li', 'search-result-sub');
			const a = el('a', 'search-result-sub-link', sub.title);
			a.href = highlightUrl(sub.url, hit.terms, HIGHLIGHT_PARAM);
			li.append(a);
			if (sub.excerpt) li.append(excerpt(sub.excerpt, 'search-result-sub-excerpt'));
			list.append(li);
		}
		item.append(list);
	}
	return item;
}

export interface ResultsOptions {
	/** Results shown at first, and added by “Show more results”. */
	pageSize: number;
	/** Level of each result's title. */
	level: 2 | 3;
	/** The field the arrow keys return to. */
	input: HTMLInputElement;
	/** Runs the suggested words as the search (“Did you mean …”). */
	onSuggestion: (words: string) => void;
}

/** The results area: `root` holds a status line (`[data-search-status]`); the rest is added here. */
export class ResultsView {
	readonly #options: ResultsOptions;
	readonly #status: HTMLElement;
	readonly #announcer: HTMLElement;
	readonly #more: HTMLButtonElement;
	#list: HTMLUListElement;
	#outcome: SearchOutcome | undefined;
	#query = '';
	#shown = 0;
	#version = 0;
	#announce: ReturnType<typeof setTimeout> | undefined;

	constructor(root: HTMLElement, options: ResultsOptions) {
		this.#options = options;
		this.#status = root.querySelector<HTMLElement>('[data-search-status]')!;
		this.#list = this.#newList();
		// Inside the results area, so it is heard inside a modal dialog too (outside it is inert).
		this.#announcer = el('div', 'visually-hidden');
		this.#announcer.setAttribute('role', 'status');
		this.#announcer.dataset.searchAnnouncer = '';
		this.#more = el('button', 'search-more', 'Show more results');
		this.#more.type = 'button';
		this.#more.hidden = true;
		this.#more.addEventListener('click', () => void this.#showMore(true));
		root.append(this.#list, this.#more, this.#announcer);
		root.addEventListener('keydown', (event) => this.#keydown(event));
		options.input.addEventListener('keydown', (event) => {
			if (event.key === 'ArrowDown' && !event.isComposing && this.focusFirst()) event.preventDefault();
		});
	}

	#newList(): HTMLUListElement {
		const list = el('ul', 'search-results');
		list.setAttribute('aria-label', 'Search results');
		return list;
	}

	/** Back to a message and no results (an empty field, or search not loaded). */
	message(text: string): void {
		this.#version++;
		this.#outcome = undefined;
		this.#setStatus(text);
		this.#list.replaceChildren();
		this.#more.hidden = true;
		this.#say('');
	}

	/** Shows an outcome for the words `q` (as typed). */
	show(outcome: SearchOutcome, q: string): void {
		this.#version++;
		this.#outcome = outcome;
		this.#query = q;
		this.#shown = 0;
		const n = outcome.hits.length;
		const asked = q ? ` for “${q}”` : '';
		if (outcome.corrected) {
			this.#setStatus(`No results for “${q}”. Did you mean `, outcome.corrected, `? Showing ${count(n)} for it.`);
		} else if (!n) {
			this.#setStatus(`No results${asked}. Check the spelling, or try fewer or other words.`);
		} else {
			this.#setStatus(`${count(n)}${asked}`);
		}
		if (!n) {
			this.#list.replaceChildren();
			this.#more.hidden = true;
		}
		void this.#showMore(false);
	}

	#setStatus(before: string, suggestion?: string, after = ''): void {
		const parts: (string | Node)[] = [before];
		if (suggestion) {
			const button = el('button', 'search-suggestion', suggestion);
			button.type = 'button';
			button.addEventListener('click', () => this.#options.onSuggestion(suggestion));
			parts.push(button, after);
		}
		this.#status.replaceChildren(...parts);
	}

	/** Renders the next page of results, each as soon as it and those before it have loaded. */
	async #showMore(focus: boolean): Promise<void> {
		const outcome = this.#outcome;
		const version = this.#version;
		if (!outcome) return;
		const hits = outcome.hits.slice(this.#shown, this.#shown + this.#options.pageSize);
		const first = this.#shown === 0;
		this.#shown += hits.length;
		const list = first ? this.#newList() : this.#list;
		// Which words the list shows (tests and the benchmark wait on it).
		list.dataset.query = this.#query;
		const pending = hits.map((hit) => hit.data());
		for (const [i, data] of pending.entries()) {
			let fragment: PagefindFragment;
			try {
				fragment = await data;
			} catch {
				continue; // A fragment that failed to load is skipped; the others still show.
			}
			if (version !== this.#version) return;
			const item = renderHit(hits[i]!, fragment, this.#options.level);
			list.append(item);
			if (first && i === 0) {
				this.#list.replaceWith(list);
				this.#list = list;
			}
			if (focus && i === 0) item.querySelector('a')?.focus();
		}
		if (version !== this.#version) return;
		if (first && !hits.length) this.#list.replaceChildren();
		this.#more.hidden = this.#shown >= outcome.hits.length;
		if (first) this.#say(this.#status.textContent ?? '');
	}

	/** Tells screen readers the count once the reader pauses, not at every keystroke. */
	#say(text: string): void {
		clearTimeout(this.#announce);
		this.#announce = setTimeout(() => (this.#announcer.textContent = text), text ? 600 : 0);
	}

	#links(): HTMLAnchorElement[] {
		return [...this.#list.querySelectorAll<HTMLAnchorElement>('a[href]')];
	}

	/** Moves focus to the first result; false when there is none. */
	focusFirst(): boolean {
		const first = this.#links()[0];
		first?.focus();
		return Boolean(first);
	}

	/** ↑ and ↓ move between result links; ↑ from the first goes back to the field. */
	#keydown(event: KeyboardEvent): void {
		if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
		const links = this.#links();
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (at === -1) return;
		if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1]!.focus();
		else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1]! : this.#options.input).focus();
		else if (event.key.length === 1 && event.key !== ' ' && event.key !== '/') {
			// Typing on a result goes on typing in the field.
			this.#options.input.focus();
			return;
		} else return;
		event.preventDefault();
	}
}

const count = (n: number) => (n === 1 ? '1 result' : `${n} results`);
