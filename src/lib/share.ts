/**
 * Sharing, as pure functions: the address of a quote's share page, the text a preview shows, and
 * the quote a reader copies. Used at build time (share pages, cards, the menu's data) and in the
 * browser (the share menu), so the two never disagree.
 *
 * A share page lives at `/s/<the page's path without its outer slashes>/<anchor>/`, e.g.
 * `/s/articles/ukraine-open-to-non-nato-models/p7/`, and sends the reader on to
 * `/articles/ukraine-open-to-non-nato-models/#p7`. The address is built from the anchor id alone,
 * so share links follow whatever ids the pages publish (and, once anchors have a ledger, its
 * aliases get share pages by the same rule).
 */
import { excerpt } from './excerpt';

/** `/s/articles/x/p7/` for the anchor `p7` of `/articles/x/`. */
export function sharePath(pagePath: string, anchor: string): string {
	const inner = pagePath.replace(/^\/+|\/+$/g, '');
	if (!/^[A-Za-z0-9][\w-]*$/.test(anchor)) throw new Error(`sharePath: "${anchor}" is not an anchor id`);
	return `/${['s', inner, anchor].filter(Boolean).join('/')}/`;
}

/** The anchor a share page stands for: `/s/articles/x/p7/` → `/articles/x/#p7`. */
export function anchorOfSharePath(path: string): string | undefined {
	const m = /^\/s\/(?:(.+)\/)?([^/]+)\/$/.exec(path);
	if (!m) return undefined;
	return `/${m[1] ? `${m[1]}/` : ''}#${m[2]}`;
}

/** Collapses runs of white space, as a browser shows text. */
export const normaliseSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A preview's description: the passage, cut at a word (previews show about two hundred characters). */
export const shareDescription = (text: string, max = 280): string => excerpt(normaliseSpace(text), max);

export interface QuoteSource {
	/** The passage, as published. */
	text: string;
	/** Where it is from: "“Title”, paragraph 7", or an event's title. */
	source: string;
	/** "10 January 2022"; absent when there is no honest date. */
	date?: string | undefined;
	url: string;
}

/** “…” — source, date, URL: the quote a reader copies, with its attribution and link. */
export function formatQuote(q: QuoteSource): string {
	const text = normaliseSpace(q.text).replace(/^[“"]+|[”"]+$/g, '');
	return `“${text}” — ${[q.source, q.date].filter(Boolean).join(', ')}, ${q.url}`;
}
