/**
 * Links to a selection: a URL text fragment (`#p7:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/)
 * for the words a reader selected. Browsers that support text fragments scroll to and highlight
 * the words; if the words are not found (or the browser ignores the directive) the address still
 * names the nearest paragraph anchor, so the link lands on the paragraph. Pure, for unit tests.
 */
import { normaliseSpace } from './share';

/** Percent-encodes a term: what encodeURIComponent does, plus `-` (the directive's own syntax). */
export const encodeTerm = (text: string): string => encodeURIComponent(text).replace(/-/g, '%2D');

/** Past this many characters a selection is linked by its first and last words (`start,end`). */
export const EXACT_MAX = 80;
/** Words at each end of a long selection, and of the context that disambiguates a repeated one. */
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

const words = (text: string) => text.split(' ').filter(Boolean);
const countOf = (haystack: string, needle: string) => {
	let n = 0;
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
	return n;
};

export interface Selected {
	/** The selected text. */
	text: string;
	/** Text just before and just after it (a few words each are enough). */
	before: string;
	after: string;
	/** The whole text the browser will search (the page's main content), to tell whether the selection repeats. */
	page: string;
}

/**
 * The `text=` directive for a selection, or undefined when there is nothing to link (only space
 * or punctuation selected). Matching in browsers is case-insensitive and whole-word.
 */
export function textDirective(sel: Selected): string | undefined {
	// Browsers match whole words only: a selection that starts or ends inside a word takes in the rest of it.
	const head = /[\p{L}\p{N}’'-]+$/u.exec(sel.before)?.[0] ?? '';
	const tail = /^[\p{L}\p{N}’'-]+/u.exec(sel.after)?.[0] ?? '';
	const partialStart = head && /^[\p{L}\p{N}]/u.test(sel.text);
	const partialEnd = tail && /[\p{L}\p{N}]$/u.test(sel.text);
	const text = normaliseSpace(`${partialStart ? head : ''}${sel.text}${partialEnd ? tail : ''}`);
	sel = {
		...sel,
		before: partialStart ? sel.before.slice(0, -head.length) : sel.before,
		after: partialEnd ? sel.after.slice(tail.length) : sel.after,
	};
	if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
	const page = normaliseSpace(sel.page).toLowerCase();
	let terms: string[];
	const w = words(text);
	if (text.length <= EXACT_MAX || w.length <= EDGE_WORDS * 2) terms = [encodeTerm(text)];
	else terms = [encodeTerm(w.slice(0, EDGE_WORDS).join(' ')), encodeTerm(w.slice(-EDGE_WORDS).join(' '))];
	// A phrase that occurs more than once gets the words around it, so the link finds this one.
	const start = decodeURIComponent(terms[0]!).toLowerCase();
	if (countOf(page, start) > 1) {
		const before = words(normaliseSpace(sel.before)).slice(-CONTEXT_WORDS).join(' ');
		const after = words(normaliseSpace(sel.after)).slice(0, CONTEXT_WORDS).join(' ');
		if (before) terms.unshift(`${encodeTerm(before)}-`);
		if (after) terms.push(`-${encodeTerm(after)}`);
	}
	return `text=${terms.join(',')}`;
}

/** `https://site/articles/x/#p7:~:text=…`, or the paragraph's own link when there is no directive. */
export function selectionUrl(pageUrl: string, anchor: string | undefined, directive: string | undefined): string {
	const url = new URL(pageUrl);
	url.search = '';
	url.hash = '';
	const base = url.href;
	if (!directive) return anchor ? `${base}#${anchor}` : base;
	return `${base}#${anchor ?? ''}:~:${directive}`;
}
