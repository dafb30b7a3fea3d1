/**
 * The public corrections log, as pages use it: labels, the anchor of each page's group on
 * /corrections/, the latest correction of a page, and the checks of the log (run by the content
 * model, src/model/build.ts). Pure: entries come in as plain data.
 */
import { listItemProblems, type Problem, type SafeParse } from './problems';

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

/**
 * Checks src/content/corrections.yaml as a whole: each entry against the schema, ids unique (each
 * is a permalink), and each naming a page the site has and an anchor that page publishes. `pages`
 * maps every page a correction may concern to the ids it publishes. Returns the entries that passed, in the
 * file's order (each page from top to bottom), which the log keeps.
 */
export function checkCorrections<T extends CorrectionEntry>(
	raw: unknown,
	{
		file,
		parse,
		lineOf,
		pages,
	}: {
		file: string;
		parse: SafeParse<T>;
		lineOf?: ((path: readonly PropertyKey[]) => number) | undefined;
		/** Absent when other content has problems: pages would then look as if they had lost anchors. */
		pages?: ReadonlyMap<string, ReadonlySet<string>> | undefined;
	},
): { problems: Problem[]; corrections: T[] } {
	const problems: Problem[] = [];
	const line = (path: readonly PropertyKey[]) => lineOf?.(path);
	// An empty log is a site with nothing corrected yet.
	if (raw == null) return { problems, corrections: [] };
	if (!Array.isArray(raw)) {
		problems.push({
			file,
			line: line([]),
			field: 'corrections',
			message: 'the file must be a YAML list of corrections',
			fix: 'start each entry with "- id: …" at the left margin',
		});
		return { problems, corrections: [] };
	}
	const corrections: T[] = [];
	const ids = new Map<string, number>();
	raw.forEach((item: unknown, i) => {
		const at = `corrections[${i}]`;
		const parsed = parse(item);
		if (!parsed.success) {
			problems.push(...listItemProblems(file, parsed.error.issues, at, i, line));
			return;
		}
		const entry = parsed.data;
		const first = ids.get(entry.id);
		if (first !== undefined) {
			problems.push({
				file,
				line: line([i, 'id']),
				field: `${at}.id`,
				message: `"${entry.id}" is already the id of corrections[${first}]; its permalink /corrections/#${entry.id} would point at two entries`,
				fix: 'give this entry an id of its own (never change a published one)',
			});
			return;
		}
		ids.set(entry.id, i);
		if (!pages) return void corrections.push(entry);
		const anchors = pages.get(entry.page);
		if (!anchors) {
			problems.push({
				file,
				line: line([i, 'page']),
				field: `${at}.page`,
				message: `no page "${entry.page}" on the site`,
				fix: `use the path of an explainer, source article, person or the timeline, e.g. ${[...pages.keys()].slice(0, 3).join(', ')}`,
			});
			return;
		}
		if (!anchors.has(entry.anchor)) {
			const near = [...anchors].filter((a) => a.startsWith(entry.anchor.replace(/-?\d+$/, ''))).slice(0, 3);
			problems.push({
				file,
				line: line([i, 'anchor']),
				field: `${at}.anchor`,
				message: `${entry.page} has no paragraph, note, event or heading with the id "${entry.anchor}"`,
				fix: `use the id of what changed, as its ¶ link shows it${near.length ? `: ${near.join(', ')}?` : ''}`,
			});
			return;
		}
		corrections.push(entry);
	});
	return { problems, corrections };
}
