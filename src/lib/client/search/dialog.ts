/**
 * <search-dialog>: the search dialog's behaviour, loaded when a reader points at or focuses the
 * search button, or opens the dialog (see trigger.ts). Loading it starts loading the engine, so it
 * is often ready by the first keystroke. The dialog and its field are already in the page
 * (SearchDialog.astro): it opens at once and keeps what is typed while the engine loads.
 */
import { MIN_QUERY } from '../../search-engine';
import { SEARCH_URL } from './constants';
import { loadEngine, searcher } from './engine';
import { ResultsView } from './results';

/**
 * On <html> while the dialog is open, so the page behind it does not scroll (SearchDialog.astro).
 * A class, not `html:has(.search-dialog[open])`: that selector made the browser re-check the whole
 * page at every change while it loaded, and halved Lighthouse's blocking time on an article when gone.
 */
const OPEN_CLASS = 'search-open';

class SearchDialog extends HTMLElement {
	#dialog = this.querySelector('dialog')!;
	#input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
	#opener: HTMLElement | null = null;

	connectedCallback() {
		const dialog = this.#dialog;
		const input = this.#input;
		const status = this.querySelector<HTMLElement>('[data-search-status]')!;
		const hint = status.textContent?.trim() ?? '';
		dialog.addEventListener('keydown', (event) => {
			// Escape always closes, even from a search field that would otherwise only clear itself.
			if (event.key === 'Escape' && !event.isComposing) {
				event.preventDefault();
				dialog.close();
			}
		});
		// A click on the backdrop (the <dialog> box itself, outside its panel) closes it.
		dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
		this.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
		dialog.addEventListener('close', () => {
			document.documentElement.classList.remove(OPEN_CLASS);
			if (this.#opener?.isConnected) this.#opener.focus();
			this.#opener = null;
		});

		// The search page, with filters and the order, for the words typed so far.
		const full = this.querySelector<HTMLAnchorElement>('[data-search-full]')!;
		const fullUrl = () => {
			const q = input.value.trim();
			return q ? `${SEARCH_URL}?q=${encodeURIComponent(q)}` : SEARCH_URL;
		};
		input.addEventListener('keydown', (event) => {
			// Enter asks for all the results: that page.
			if (event.key === 'Enter' && !event.isComposing && input.value.trim()) location.assign(fullUrl());
		});

		const searches = searcher();
		const view = new ResultsView(this.querySelector<HTMLElement>('[data-search-results]')!, {
			pageSize: 5,
			level: 3,
			input,
			onSuggestion: (words) => {
				input.value = words;
				input.focus();
				void run();
			},
		});
		const run = async () => {
			full.href = fullUrl();
			const q = input.value.trim();
			// One letter matches most of the site: wait for a second (and fetch nothing meanwhile).
			if (q.length < MIN_QUERY) {
				searches.cancel();
				return view.message(hint);
			}
			try {
				const outcome = await searches.search({ q });
				if (outcome) view.show(outcome, q);
			} catch {
				view.message('Search could not load. Check your connection, or use the search page.');
			}
		};
		input.addEventListener('input', () => void run());
		// The engine starts loading now; whatever was typed meanwhile is searched once it is ready.
		loadEngine().catch(() => view.message('Search could not load. Check your connection, or use the search page.'));
		if (input.value.trim()) void run();
	}

	show(opener: Element | null) {
		if (!this.#dialog.open) {
			this.#opener = opener instanceof HTMLElement && opener !== document.body ? opener : null;
			this.#dialog.showModal();
			document.documentElement.classList.add(OPEN_CLASS);
		}
		this.#input.focus();
		this.#input.select();
	}
}

customElements.define('search-dialog', SearchDialog);
