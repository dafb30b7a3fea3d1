/**
 * The public corrections log, as pages use it: labels, the anchor of each page's group on
 * /corrections/, the latest correction of a page, and the check that every correction names a
 * page that exists. Pure: entries come in as plain data.
 */
import type { Problem } from './problems';

export type CorrectionKind = 'wording' | 'date' | 'note' | 'context';

export interface CorrectionEntry {
	id: string;
	date: Date;
	page: string;
	anchor: string;
	kind: CorrectionKind;
	change: string;
	reason: string;
}

/** What a reader sees for each kind of change. */
export const CORRECTION_LABELS: Record<CorrectionKind, string> = {
	wording: 'Our wording corrected',
	date: 'A date corrected',
	note: 'Editor’s note added or corrected',
	context: 'Context note added or corrected',
};

/** The id of a page's group on /corrections/: `/articles/x/` → `for-articles-x`, `/timeline/` → `for-timeline`. */
export const pageGroupId = (page: string): string => `for-${page.replace(/^\/|\/$/g, '').replace(/\//g, '-')}`;

/** Link to a page's corrections on /corrections/. */
export const correctionsHref = (page: string): string => `/corrections/#${pageGroupId(page)}`;

// Array sort is stable: corrections of one day keep the order of the file, which follows the page.
const newestFirst = (a: CorrectionEntry, b: CorrectionEntry) => b.date.getTime() - a.date.getTime();

/** A page's corrections, newest first; those of one day in the order of the file. */
export const correctionsFor = <C extends CorrectionEntry>(entries: readonly C[], page: string): C[] =>
	entries.filter((c) => c.page === page).sort(newestFirst);

/** Corrections grouped by page, pages in the order of `titles` (the site's reading order), entries newest first. */
export function groupByPage<C extends CorrectionEntry>(
	entries: readonly C[],
	titles: ReadonlyMap<string, string>,
): { page: string; title: string; id: string; entries: C[] }[] {
	const pages = [...titles.keys()].filter((page) => entries.some((c) => c.page === page));
	return pages.map((page) => ({
		page,
		title: titles.get(page) ?? page,
		id: pageGroupId(page),
		entries: correctionsFor(entries, page),
	}));
}

/** Corrections that name a page the site does not have. The link check covers the anchors. */
export function unknownPages(
	entries: readonly CorrectionEntry[],
	titles: ReadonlyMap<string, string>,
	file: string,
): Problem[] {
	return entries
		.filter((c) => !titles.has(c.page))
		.map((c) => ({
			file,
			field: `corrections "${c.id}".page`,
			message: `no page "${c.page}" on the site`,
			fix: `use the path of an explainer, source article, person or the timeline, e.g. ${[...titles.keys()].slice(0, 3).join(', ')}`,
		}));
}
