/**
 * <search-dialog>: the search dialog's behaviour, loaded when a reader points at or focuses the
 * search button, or opens the dialog (see trigger.ts). Loading it starts loading the engine, so it
 * is often ready by the first keystroke. The dialog and its field are already in the page
 * (SearchDialog.astro): trigger.ts opens it at once, and what is typed while this code and the
 * engine load is searched when they are ready.
 */
import { MIN_QUERY } from '../../search-engine';
import { SEARCH_URL } from './constants';
import { loadEngine, searcher } from './engine';
import { ResultsView } from './results';

class SearchDialog extends HTMLElement {
	#dialog = this.querySelector('dialog')!;
	#input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
	#opener: HTMLElement | null = null;

	connectedCallback() {
		const dialog = this.#dialog;
		const input = this.#input;
		const status = this.querySelector<HTMLElement>('[data-search-status]')!;
		const hint = status.textContent?.trim() ?? '';
		// trigger.ts opens and closes it (Escape, the backdrop, Close), working before this code loads;
		// Enter in the field goes to the search page, with the words typed.
		dialog.addEventListener('close', () => {
			if (this.#opener?.isConnected) this.#opener.focus();
			this.#opener = null;
		});

		// The search page, with filters and the order, for the words typed so far.
		const full = this.querySelector<HTMLAnchorElement>('[data-search-full]')!;
		const fullUrl = () => {
			const q = input.value.trim();
			return q ? `${SEARCH_URL}?q=${encodeURIComponent(q)}` : SEARCH_URL;
		};

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

	/**
	 * trigger.ts has opened the dialog (at once, before this code had loaded, so no key typed is lost):
	 * focus goes back to `opener` when it closes. Ctrl+K again, from inside the open dialog, keeps the first.
	 */
	opened(opener: Element | null) {
		if (this.#dialog.open && opener instanceof HTMLElement && opener !== document.body && !this.contains(opener)) {
			this.#opener = opener;
		}
	}
}

customElements.define('search-dialog', SearchDialog);
