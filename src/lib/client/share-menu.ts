/**
 * The share menu, loaded on first use (see share-link.ts and ShareMenu.astro): for a paragraph, section or event,
 * "Copy link" (its share page, whose preview shows the passage), "Copy quote" (“…” — source,
 * date, link), the phone's share sheet where there is one, and "Cite this" (APA, MLA, Chicago,
 * BibTeX with today's date of access). Also "Copy link to selection" for text selected in an
 * article or explainer: a button beside the selection for the pointer, and the first item of every
 * share menu while the selection lasts, for the keyboard. A WAI-ARIA menu button: arrows move,
 * Escape closes and returns focus.
 */
import { citations, type CiteRecord } from '../cite';
import { formatQuote, normaliseSpace } from '../share';
import { selectionUrl, textDirective } from '../text-fragment';
import { announce } from './announce';

/** What article and explainer pages say about themselves (SharePageData.astro). */
interface PageRecord {
	/** "article" or "explainer", for "Cite this article". */
	noun: string;
	/** Attribution of a quote from this page: "“Title”", or an explainer's title. */
	source: string;
	date?: string;
	cite: CiteRecord;
	site: string;
}

const page = JSON.parse(document.getElementById('share-page')?.textContent ?? 'null') as PageRecord | null;
const siteName = page?.site ?? document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';

/** An absolute address without the query (e.g. a search highlight). */
const absolute = (href: string) => {
	const url = new URL(href, location.href);
	url.search = '';
	return url.href;
};

/** An element's text as a reader reads it: without citation markers or link controls. */
function readerText(el: Element): string {
	const copy = el.cloneNode(true) as Element;
	copy.querySelectorAll('.cite-marker, [data-pagefind-ignore], .share-selection').forEach((x) => x.remove());
	return normaliseSpace(copy.textContent ?? '');
}

/** The passage a control stands for: its own data, its paragraph, or a section's opening paragraph. */
function quoteOf(button: HTMLElement): string | undefined {
	if (button.dataset.quote) return button.dataset.quote;
	const href = button.dataset.href ?? '';
	if (!href.startsWith('#') || !button.dataset.share) return undefined;
	const id = href.slice(1);
	let el = document.getElementById(id);
	if (el && /^H[1-6]$/.test(el.tagName)) {
		const opening = new RegExp(`^${id}-\\d+$`);
		el = [...document.querySelectorAll<HTMLElement>('main p[id]')].find((p) => opening.test(p.id)) ?? null;
	}
	return el?.tagName === 'P' ? readerText(el) : undefined;
}

function citeOf(button: HTMLElement): { record: CiteRecord; noun: string } | undefined {
	if (button.dataset.cite) return { record: JSON.parse(button.dataset.cite) as CiteRecord, noun: 'event' };
	return page ? { record: page.cite, noun: page.noun } : undefined;
}

const linkOf = (button: HTMLElement) => absolute(button.dataset.share ?? button.dataset.href ?? '#');

function flag(button: HTMLElement) {
	button.dataset.copied = '';
	setTimeout(() => delete button.dataset.copied, 1600);
}

async function copy(text: string, done: string, button?: HTMLElement): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
		announce(done);
		if (button) flag(button);
	} catch {
		announce(`Could not copy. ${text}`);
	}
}

// The menu ---------------------------------------------------------------------------------------

let current: { menu: HTMLElement; button: HTMLElement } | undefined;

function closeMenu(returnFocus: boolean) {
	if (!current) return;
	const { menu, button } = current;
	current = undefined;
	menu.remove();
	button.setAttribute('aria-expanded', 'false');
	button.removeAttribute('aria-controls');
	if (returnFocus) button.focus();
}

function openMenu(button: HTMLElement) {
	const wasOpen = current?.button === button;
	closeMenu(false);
	if (wasOpen) return;
	const label = button.dataset.label ?? 'this';
	const quote = quoteOf(button);
	const link = linkOf(button);
	const source = button.dataset.source ?? (page ? `${page.source}, ${label}` : document.title);
	const date = button.dataset.date ?? page?.date;
	const cite = citeOf(button);

	const items: [string, () => unknown][] = [];
	// With words selected in the text, the menu offers a link to them first: the keyboard's way to it.
	updateSelection();
	if (selectionLink) {
		const selected = selectionLink;
		items.push(['Copy link to selection', () => copy(selected, 'Link to selection copied', button)]);
	}
	items.push(['Copy link', () => copy(link, 'Link copied', button)]);
	if (quote) {
		const text = formatQuote({ text: quote, source, date, url: link });
		items.push(['Copy quote', () => copy(text, 'Quote copied', button)]);
	}
	if (typeof navigator.share === 'function') {
		const text = quote ? formatQuote({ text: quote, source, date, url: '' }).replace(/, $/, '') : undefined;
		items.push(['Share…', () => navigator.share({ title: source, ...(text && { text }), url: link }).catch(() => {})]);
	}
	if (cite) items.push([`Cite this ${cite.noun}…`, () => showCitations(cite.record, cite.noun, button)]);

	const menu = document.createElement('div');
	menu.className = 'share-menu';
	menu.id = 'share-menu';
	menu.setAttribute('role', 'menu');
	menu.setAttribute('aria-label', `Share ${label}`);
	for (const [text, action] of items) {
		const item = document.createElement('button');
		item.type = 'button';
		item.setAttribute('role', 'menuitem');
		item.tabIndex = -1;
		item.textContent = text;
		item.addEventListener('click', () => {
			const opensDialog = text.startsWith('Cite');
			closeMenu(!opensDialog);
			void action();
		});
		menu.append(item);
	}
	menu.addEventListener('keydown', (event) => {
		const all = [...menu.querySelectorAll<HTMLElement>('[role=menuitem]')];
		const at = all.indexOf(document.activeElement as HTMLElement);
		const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
		if (move !== undefined) {
			event.preventDefault();
			all[(move + all.length) % all.length]?.focus();
		} else if (event.key === 'Escape') {
			event.preventDefault();
			closeMenu(true);
		} else if (event.key === 'Tab') {
			// Back on the button first, so that Tab goes on from there rather than from the top of the page.
			closeMenu(true);
		}
	});
	// Inside <main>, so the menu belongs to a landmark like the text it acts on.
	(button.closest('main, dialog') ?? document.body).append(menu);
	const box = button.getBoundingClientRect();
	const left = Math.min(Math.max(8, box.left), innerWidth - menu.offsetWidth - 8);
	const origin = menu.offsetParent?.getBoundingClientRect() ?? { left: -scrollX, top: -scrollY };
	menu.style.left = `${left - origin.left}px`;
	menu.style.top = `${box.bottom + 4 - origin.top}px`;
	button.setAttribute('aria-expanded', 'true');
	button.setAttribute('aria-controls', menu.id);
	current = { menu, button };
	menu.querySelector<HTMLElement>('[role=menuitem]')?.focus();
}

// A click that came before this module ran was held by the search trigger and is dispatched
// again now, so the first click opens the menu too.
addEventListener('click', (event) => {
	const button = (event.target as Element).closest?.<HTMLElement>('button.share-control');
	if (button) openMenu(button);
});
document.addEventListener('pointerdown', (event) => {
	if (current && !current.menu.contains(event.target as Node) && event.target !== current.button) closeMenu(false);
});

// Cite this --------------------------------------------------------------------------------------

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

function showCitations(record: CiteRecord, noun: string, opener: HTMLElement) {
	document.querySelector('dialog.cite-dialog')?.remove();
	const dialog = document.createElement('dialog');
	dialog.className = 'cite-dialog modal';
	dialog.setAttribute('aria-labelledby', 'cite-dialog-title');
	const heading = document.createElement('h2');
	heading.id = 'cite-dialog-title';
	heading.textContent = `Cite this ${noun}`;
	const what = document.createElement('p');
	what.className = 'cite-what';
	what.textContent = record.title;
	const note = document.createElement('p');
	note.className = 'cite-note';
	const now = new Date();
	note.textContent = `Date of access: today, ${LONG_DATE.format(now)}. No author is recorded${
		record.kind === 'article' && !record.publisher ? ', nor the publisher of the original,' : ''
	} so none is given.`;
	dialog.append(heading, what, note);

	for (const c of citations(record, { name: siteName }, now)) {
		const section = document.createElement('section');
		const name = document.createElement('h3');
		name.id = `cite-${c.style.toLowerCase()}`;
		name.textContent = c.name;
		const body = document.createElement(c.style === 'BibTeX' ? 'pre' : 'p');
		body.className = 'cite-text';
		body.tabIndex = 0;
		body.setAttribute('aria-labelledby', name.id);
		for (const run of c.runs) {
			if (typeof run === 'string') body.append(run);
			else body.append(Object.assign(document.createElement('i'), { textContent: run.i }));
		}
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'cite-copy';
		button.textContent = 'Copy';
		button.setAttribute('aria-label', `Copy ${c.style} citation`);
		button.addEventListener('click', () => void copy(c.text, `${c.style} citation copied`));
		section.append(name, body, button);
		dialog.append(section);
	}
	const close = document.createElement('button');
	close.type = 'button';
	close.className = 'cite-close';
	close.textContent = 'Close';
	close.addEventListener('click', () => dialog.close());
	dialog.append(close);
	dialog.addEventListener('close', () => {
		dialog.remove();
		opener.focus();
	});
	(opener.closest('main') ?? document.body).append(dialog);
	dialog.showModal();
	heading.tabIndex = -1;
	heading.focus();
}

// Copy link to selection -------------------------------------------------------------------------

let selectionButton: HTMLButtonElement | undefined;
let selectionLink = '';
let timer = 0;
let announced = '';

const elementOf = (node: Node) => (node instanceof Element ? node : node.parentElement);

function hideSelectionButton() {
	selectionLink = '';
	if (selectionButton && document.activeElement !== selectionButton) selectionButton.hidden = true;
}

function updateSelection() {
	const selection = getSelection();
	if (!selection || selection.isCollapsed || selection.rangeCount === 0) return hideSelectionButton();
	const range = selection.getRangeAt(0);
	const start = elementOf(range.startContainer);
	const region = start?.closest('[data-share-text]');
	if (!start || !region || !region.contains(range.endContainer)) return hideSelectionButton();
	// The nearest paragraph (or heading, or list item) with an id: where the link lands without the text.
	const block = start.closest<HTMLElement>('p[id], li[id], h2[id], h3[id], blockquote[id]');
	const scope = block ?? region;
	const before = document.createRange();
	before.setStart(scope, 0);
	before.setEnd(range.startContainer, range.startOffset);
	const after = document.createRange();
	after.setStart(range.endContainer, range.endOffset);
	after.setEnd(scope, scope.childNodes.length);
	const main = document.querySelector('main');
	const directive = textDirective({
		text: selection.toString(),
		before: before.toString().slice(-200),
		after: after.toString().slice(0, 200),
		page: main?.innerText ?? document.body.innerText,
	});
	if (!directive) return hideSelectionButton();
	selectionLink = selectionUrl(location.href, block?.id, directive);

	if (!selectionButton) {
		selectionButton = document.createElement('button');
		selectionButton.type = 'button';
		selectionButton.className = 'share-selection no-print';
		selectionButton.textContent = 'Copy link to selection';
		// Keep the selection when the button is pressed.
		selectionButton.addEventListener('pointerdown', (e) => e.preventDefault());
		selectionButton.addEventListener('click', () => {
			// The link is worked out 120 ms after the selection last changed: a click sooner (a quick
			// drag, or the selection still growing as this module loaded) must not copy an older one.
			clearTimeout(timer);
			updateSelection();
			if (!selectionLink) return;
			void copy(selectionLink, 'Link to selection copied');
			selectionButton!.hidden = true;
		});
		selectionButton.addEventListener('blur', () => {
			if (getSelection()?.isCollapsed) selectionButton!.hidden = true;
		});
	}
	// Right after the selected block in the reading order, so Tab reaches it next.
	const anchorEl = block ?? region;
	if (anchorEl.nextSibling !== selectionButton) anchorEl.after(selectionButton);
	selectionButton.hidden = false;
	const rects = range.getClientRects();
	const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
	const origin = selectionButton.offsetParent?.getBoundingClientRect() ?? { left: -scrollX, top: -scrollY };
	const width = selectionButton.offsetWidth;
	selectionButton.style.left = `${Math.min(Math.max(8, last.right - width / 2), innerWidth - width - 8) - origin.left}px`;
	selectionButton.style.top = `${last.bottom + 6 - origin.top}px`;
	const key = `${block?.id}:${directive}`;
	if (announced !== key) {
		announced = key;
		announce('Text selected. Copy link to selection is in the share menus.');
	}
}

document.addEventListener('selectionchange', () => {
	clearTimeout(timer);
	timer = window.setTimeout(updateSelection, 120);
});
// The selection that loaded this module is already there.
updateSelection();
