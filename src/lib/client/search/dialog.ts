/**
 * <search-dialog>: the search dialog's behaviour, loaded the first time a reader opens it (see
 * trigger.ts). The dialog and its field are already in the page (SearchDialog.astro), so it opens
 * at once and keeps what is typed while Pagefind loads; results and counts come from Pagefind's
 * Component UI.
 */
import { SEARCH_URL } from './constants';
import { connectInput, searchInstance, type Instance } from './pagefind-ui';
import { createResults } from './results';

class SearchDialog extends HTMLElement {
	#dialog = this.querySelector('dialog')!;
	#input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
	#opener: HTMLElement | null = null;
	#ready: Promise<Instance> | undefined;

	connectedCallback() {
		const dialog = this.#dialog;
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
		// The search page, with filters and the order, for the words typed so far.
		const full = this.querySelector<HTMLAnchorElement>('[data-search-full]')!;
		const fullUrl = () => {
			const q = this.#input.value.trim();
			return q ? `${SEARCH_URL}?q=${encodeURIComponent(q)}` : SEARCH_URL;
		};
		this.#input.addEventListener('input', () => (full.href = fullUrl()));
		// Enter asks for all the results: that page.
		this.#input.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && !event.isComposing && this.#input.value.trim()) location.assign(fullUrl());
		});
		dialog.addEventListener('close', () => {
			if (this.#opener?.isConnected) this.#opener.focus();
			this.#opener = null;
		});
	}

	show(opener: Element | null) {
		if (!this.#dialog.open) {
			this.#opener = opener instanceof HTMLElement && opener !== document.body ? opener : null;
			this.#dialog.showModal();
		}
		this.#input.focus();
		this.#input.select();
		this.#ready ??= this.#setUp();
	}

	async #setUp(): Promise<Instance> {
		const status = this.querySelector<HTMLElement>('[data-search-status]')!;
		let instance: Instance;
		try {
			instance = await searchInstance({ faceted: false });
		} catch (error) {
			this.#ready = undefined;
			status.textContent = 'Search could not load. Check your connection, or use the search page.';
			throw error;
		}
		// Pagefind announces result counts in live regions at the end of <body>, but a modal dialog
		// makes everything outside it inert: move them in, or screen readers would never hear them.
		for (const region of document.querySelectorAll('[data-pagefind-announcer]')) this.#dialog.append(region);
		const summary = document.createElement('pagefind-summary');
		summary.setAttribute('default-message', status.textContent?.trim() ?? '');
		const results = createResults(instance);
		status.replaceWith(summary);
		this.querySelector('[data-search-results]')!.append(results);
		const search = (term: string) => instance.triggerSearchWithFilters(term.trim(), {});
		connectInput(instance, this.#input, search);
		// Whatever was typed while Pagefind loaded.
		if (this.#input.value.trim()) search(this.#input.value);
		return instance;
	}
}

customElements.define('search-dialog', SearchDialog);
