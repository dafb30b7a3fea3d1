/**
 * The only search code a page loads eagerly, so it is small and imports nothing (it counts against
 * the 2 KB budget of a reading page). It:
 * - turns the header's "Search" link into a button that opens the search dialog, and starts
 *   loading search (the dialog's code, which loads the engine) when a pointer or focus reaches it;
 * - binds Ctrl/⌘K and "/" (not while typing in a field) to the dialog, or on /search/ to its field;
 * - on /search/, starts the search when the reader reaches the form, or at once for an address that asks;
 * - highlights matched words when a search result brought the reader here;
 * - loads other on-demand features (`template[data-lazy-for]`) on first use, or when their eager
 *   half asks (a `lazy:load` event naming the template).
 *
 * The rest ships inert in `<template data-lazy="…">` (see SearchDialog.astro): an Astro-built module
 * script that `load()` copies into the page to run it. Loading it this way, not with import(), keeps
 * Vite's preload helper (~0.9 KB) out of every page.
 */

interface SearchDialogElement extends HTMLElement {
	opened(opener: Element | null): void;
}

/**
 * On <html> while the dialog is open, so the page behind it does not scroll (SearchDialog.astro).
 * A class, not `html:has(.search-dialog[open])`: that selector made the browser re-check the whole
 * page at every change while it loaded, and halved Lighthouse's blocking time on an article when gone.
 */
const OPEN_CLASS = 'search-dialog-open';

const started = new Map<string, Promise<void>>();

/** Runs the script shipped in `<template data-lazy={name}>`, once. */
function load(name: string): Promise<void> {
	let loading = started.get(name);
	if (!loading) {
		loading = new Promise((resolve, reject) => {
			const inert = document.querySelector<HTMLTemplateElement>(`template[data-lazy="${name}"]`)?.content;
			const original = inert?.querySelector('script');
			if (!original) return reject(new Error(name));
			// A copy of a script that never ran (template content is inert) runs when inserted.
			const script = document.importNode(original, true);
			// An external script is loaded when it has run; an inline one has run once appended.
			script.onload = () => resolve();
			script.onerror = () => {
				started.delete(name);
				reject(new Error(name));
			};
			document.head.append(script);
			if (!script.src) resolve();
		});
		started.set(name, loading);
	}
	return loading;
}

const link = document.querySelector<HTMLAnchorElement>('a[data-search-open]');
const dialog = document.querySelector<SearchDialogElement>('search-dialog');
const modal = dialog?.querySelector('dialog');
const input = modal?.querySelector('input');
const form = document.querySelector<HTMLFormElement>('form[data-search-page]');

function open(opener: Element | null) {
	const field = form?.querySelector('input');
	if (field) {
		field.focus();
		field.select();
	} else if (dialog && modal && input) {
		// Open at once: the dialog and its field are in the page, so a reader who types straight after
		// Ctrl+K loses no key while the dialog's code loads. That code then takes the open dialog over
		// and searches what was typed.
		if (!modal.open) {
			modal.showModal();
			document.documentElement.classList.add(OPEN_CLASS);
		}
		input.focus();
		input.select();
		load('search-dialog')
			.then(() => customElements.whenDefined('search-dialog'))
			.then(() => dialog.opened(opener))
			// If the dialog can't load, the search page still can: go there.
			.catch(() => link && location.assign(link.href));
	}
}

// Closing, and Enter, live here with the opening, so they work before the dialog's code has loaded (on
// a busy machine, a second or more after "/"): without this, Escape in a field with words only clears
// them, and Enter does nothing.
if (modal && input) {
	modal.addEventListener('keydown', (event) => {
		if (event.isComposing) return;
		// Escape always closes, even from a search field that would otherwise only clear itself.
		if (event.key === 'Escape') {
			event.preventDefault();
			modal.close();
		}
		// Enter in the field asks the search page (the header's link to it) for all the results.
		const q = event.key === 'Enter' && event.target === input && input.value.trim();
		if (q && link) location.assign(`${link.href}?q=${encodeURIComponent(q)}`);
	});
	// A click on the backdrop (the <dialog> box itself, outside its panel) closes it; Close is a dialog form's button.
	modal.addEventListener('click', (event) => event.target === modal && modal.close());
	modal.addEventListener('close', () => document.documentElement.classList.remove(OPEN_CLASS));
}

if (link && dialog) {
	const button = document.createElement('button');
	// Keep the class and Astro's style-scoping attributes; drop what only a link has.
	for (const { name, value } of link.attributes) if (name !== 'href') button.setAttribute(name, value);
	button.type = 'button';
	button.append(...link.childNodes);
	button.ariaHasPopup = 'dialog';
	button.ariaKeyShortcuts = 'Control+K Meta+K /';
	button.addEventListener('click', () => open(button));
	// A reader about to search: load it now, so results can come with the first keystroke.
	button.onpointerenter = button.onfocus = () => void load('search-dialog').catch(() => {});
	link.replaceWith(button);
}

addEventListener('keydown', (event) => {
	const target = event.target as HTMLElement;
	const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
	// Ctrl/⌘K anywhere, or "/" alone when not typing; never with Alt.
	const mod = event.ctrlKey || event.metaKey;
	const key = mod ? event.key.toLowerCase() === 'k' : event.key === '/' && !typing;
	if (key && !event.altKey && !event.defaultPrevented) {
		event.preventDefault();
		open(document.activeElement);
	}
});

if (form) {
	const start = () => void load('search-page');
	// An address that asks for something needs its results now. Otherwise the page shows the build's
	// hint and filters (with their counts) and loads search when the reader first reaches the form:
	// nothing runs at load, on a phone or on a busy machine, before anyone asks.
	if (location.search) start();
	else {
		// load() runs the page's search once, however often it is asked.
		form.addEventListener('focusin', start);
		form.addEventListener('pointerdown', start);
		form.addEventListener('pointerover', start);
	}
}

// Other page features ship the same way and load on first use: `<template data-lazy="name"
// data-lazy-for="selector">` runs when a pointer or focus first reaches a matching element (the
// citation preview on explainers). A tap on a touch screen reaches it and clicks at once, before
// the feature can have loaded: until it has, a click on a match is held and then dispatched again
// (with its pointerType), so the feature can act on the very first tap (open a preview instead
// of following the link). Once loaded, the feature's own listeners handle clicks on its elements
// and stop them there (CitePreviewScript.astro).
// Only clicks before the feature has run are held: the re-dispatched click, and every later one,
// goes straight to the feature (holding those too would hold its own re-dispatch, for ever).
for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-lazy-for]')) {
	let ready = false;
	const wake = (event: Event) => {
		if (ready) return;
		const target = (event.target as Element).closest?.(template.dataset.lazyFor!);
		if (!target) return;
		const loaded = load(template.dataset.lazy!).then(() => void (ready = true));
		if (event.type == 'click') {
			event.preventDefault();
			// Listeners after this one see only the re-dispatched click, once the feature is there.
			event.stopImmediatePropagation();
			void loaded.then(() => target.dispatchEvent(new PointerEvent('click', event)));
		}
	};
	addEventListener('pointerover', wake);
	addEventListener('focusin', wake);
	addEventListener('click', wake);
}

// A feature's eager half can ask for its lazy half (share-link.ts: when words are selected).
addEventListener('lazy:load', (event) => void load((event as CustomEvent<string>).detail).catch(() => {}));

const highlight = document.querySelector<HTMLTemplateElement>('template[data-lazy="search-highlight"]');
if (highlight && new URLSearchParams(location.search).has(highlight.dataset.param ?? '')) void load('search-highlight');
