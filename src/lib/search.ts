/**
 * What search knows about each piece of content, and the one place that turns it into Pagefind's
 * `data-pagefind-*` attributes. Pages pass a `SearchEntry` to `BaseLayout` (`search={…}`); an item
 * that should be a result of its own inside a page (a timeline event) spreads
 * `searchRecordAttributes(…)` on its element, and the Pagefind integration indexes it as a custom
 * record at `<page>#<id>`. Nothing here touches Astro or the DOM.
 */
import { isCalendarDay } from './calendar-day';
import { isKebabId } from './ids';

/** Content types, with the label a reader sees on a result and in the type filter. */
export const SEARCH_TYPES = {
	article: { one: 'Source article', many: 'Source articles' },
	explainer: { one: 'Explainer', many: 'Explainers' },
	event: { one: 'Timeline event', many: 'Timeline events' },
	person: { one: 'Profile', many: 'People and organisations' },
	page: { one: 'Page', many: 'Other pages' },
	correction: { one: 'Correction', many: 'Corrections' },
} as const;

export type SearchType = keyof typeof SEARCH_TYPES;
export const SEARCH_TYPE_IDS = Object.keys(SEARCH_TYPES) as SearchType[];

/** The filters a reader can narrow results by. `source` and `person` values are collection ids. */
export const FILTER_KEYS = ['type', 'source', 'person', 'month'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Ranking weights (Pagefind's scale: 1 is body text, h1 is 7, h2 is 6; 10 is the maximum). */
export const SEARCH_WEIGHT = {
	/** A page's own title. */
	title: 10,
	/** A one-sentence summary in our words ("In brief"). */
	summary: 3,
} as const;

/** Everything search needs to know about a page or a record. */
export interface SearchEntry {
	/** What kind of content this is; decides the result label and the type filter. */
	type: SearchType;
	/**
	 * Result title. Pages may leave it out (Pagefind takes the first `<h1>`); records must give one.
	 */
	title?: string | undefined;
	/**
	 * The calendar day the content is from or about (`2022-01-10` or a Date). Dated content can be
	 * sorted by date and is filed under its month; undated content drops out of date-sorted results.
	 */
	date?: Date | string | undefined;
	/** The date is an estimate ("about 13 January 2022"). */
	dateApproximate?: boolean | undefined;
	/** Ids of the source articles this is, or cites (`nato-russia-council-rejects-key-demands`). */
	articles?: readonly string[] | undefined;
	/** Ids of the people and organisations it concerns (`jens-stoltenberg`). */
	people?: readonly string[] | undefined;
	/** An image for the result, as a site path, with its alt text. */
	image?: string | undefined;
	imageAlt?: string | undefined;
}

/** Filters, metadata and sort keys, in the shape Pagefind's custom records take. */
export interface SearchTags {
	filters: Partial<Record<FilterKey, string[]>>;
	meta: Record<string, string>;
	sort: Record<string, string>;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function isoDay(date: Date | string, where: string): string {
	const day = typeof date === 'string' ? date : Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
	if (!isCalendarDay(day)) {
		throw new Error(`${where}: date "${String(date)}" is not a calendar day; give it as YYYY-MM-DD or a Date`);
	}
	return day;
}

function ids(list: readonly string[] | undefined, what: string, where: string): string[] {
	const out = [...new Set(list ?? [])];
	for (const id of out) {
		if (!isKebabId(id)) throw new Error(`${where}: ${what} id "${id}" is not a kebab-case collection id`);
	}
	return out;
}

/** The tags for an entry. Throws, naming `where`, on an unknown type, a bad date or a bad id. */
export function searchTags(entry: SearchEntry, where = 'search entry'): SearchTags {
	if (!Object.hasOwn(SEARCH_TYPES, entry.type)) {
		throw new Error(`${where}: unknown search type "${entry.type}"; use one of ${SEARCH_TYPE_IDS.join(', ')}`);
	}
	const filters: SearchTags['filters'] = { type: [entry.type] };
	const meta: Record<string, string> = { type: entry.type };
	const sort: Record<string, string> = {};
	if (entry.title !== undefined) {
		if (!entry.title.trim()) throw new Error(`${where}: title is empty`);
		meta.title = entry.title.trim();
	}
	if (entry.date !== undefined) {
		const day = isoDay(entry.date, where);
		meta.date = day;
		// The day in words, searched but never shown: date lines stay out of excerpts, and a reader
		// who types “10 January” still finds what happened then.
		meta.when = dayFormat.format(new Date(`${day}T00:00:00Z`));
		if (entry.dateApproximate) meta.date_approx = 'true';
		sort.date = day;
		filters.month = [day.slice(0, 7)];
	}
	const articles = ids(entry.articles, 'article', where);
	if (articles.length) filters.source = articles;
	const people = ids(entry.people, 'person', where);
	if (people.length) filters.person = people;
	if (entry.image) {
		meta.image = entry.image;
		meta.image_alt = entry.imageAlt ?? '';
	}
	return { filters, meta, sort };
}

/**
 * The tags as attributes for hidden marker elements, one value per element: Pagefind reads an
 * inline `key:value` only as the last item of a list, and "captured to the end", so one element per
 * value is the form that can't be misread.
 */
export function pagefindMarkers(tags: SearchTags): Record<string, string>[] {
	const markers: Record<string, string>[] = [];
	for (const [key, values] of Object.entries(tags.filters)) {
		for (const value of values) markers.push({ 'data-pagefind-filter': `${key}:${value}` });
	}
	for (const [key, value] of Object.entries(tags.meta)) {
		// The title comes from the page's <h1> unless set, and an empty alt is better left unset.
		if (value) markers.push({ 'data-pagefind-meta': `${key}:${value}` });
	}
	for (const [key, value] of Object.entries(tags.sort)) markers.push({ 'data-pagefind-sort': `${key}:${value}` });
	return markers;
}

/** The attribute that marks an element as a search result of its own (see the integration). */
export const RECORD_ATTRIBUTE = 'data-search-record';

/**
 * Attributes for an element that should be its own search result, landing on its own anchor, e.g.
 * `<li id={event.id} {...searchRecordAttributes({ type: 'event', title, date, articles, people })}>`.
 * The element needs an `id`. Its text is left out of the page's own entry and indexed as a record.
 */
export function searchRecordAttributes(entry: SearchEntry & { title: string }): Record<string, string> {
	const tags = searchTags(entry, `search record "${entry.title}"`);
	return { [RECORD_ATTRIBUTE]: JSON.stringify(tags) };
}

/** Marks an element (a paragraph, a note) as a sub-result: a match inside it links to its id. */
export const subResultAttributes = (title: string): Record<string, string> => ({ 'data-pagefind-title': title });

/**
 * Leaves an element's text out of the index (controls, lists of links to other results). `index`,
 * not `all`: the print stylesheet hides `data-pagefind-ignore="all"` (the site's chrome), and these
 * must still print. Pagefind already skips <nav>, <footer> and <form> on its own. A function, like
 * the other helpers here, because Astro adds its scoping class to the very object a spread is given.
 */
export const searchIgnore = (): Record<string, string> => ({ 'data-pagefind-ignore': 'index' });

/**
 * Blocks whose text Pagefind 1.6 runs into the next block's, because its parser counts only
 * headings, p, td, div, ul, li, article and section as blocks (upstream: Pagefind/pagefind#736,
 * “GrushkoDeputy” on a glossary). The index step (src/integrations/pagefind.ts) ends each of these
 * with a separator before Pagefind reads the page, so every page and component is covered.
 */
export const UNSEPARATED_BLOCKS = [
	'address',
	'aside',
	'blockquote',
	'caption',
	'dd',
	'details',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'header',
	'hgroup',
	'legend',
	'main',
	'ol',
	'pre',
	'summary',
	'table',
	'th',
	'tr',
] as const;

/** Every block, for text the index step reads itself (records): Pagefind's and the ones above. */
export const ALL_BLOCKS = [
	...UNSEPARATED_BLOCKS,
	'article',
	'div',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'p',
	'section',
	'td',
	'ul',
] as const;

/**
 * What to put after a block's text so it reads as its own sentence, as Pagefind does for the
 * blocks it knows: a full stop after a word (a colon after a term, `dt`), else just a space.
 */
export function blockSeparator(tag: string, text: string): string {
	const last = text.trimEnd().at(-1);
	if (last === undefined) return '';
	if (!/[\p{L}\p{N}'")$*]/u.test(last)) return ' ';
	return tag.toLowerCase() === 'dt' ? ': ' : '. ';
}

export interface CustomRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sort: Record<string, string>;
}

/**
 * A Pagefind custom record for an element marked with `searchRecordAttributes`. Throws, naming the
 * page, when the element has no id to land on or its attribute is not ours.
 */
export function customRecord(input: { page: string; id: string | null; json: string; text: string }): CustomRecord {
	const where = `${input.page}: element with ${RECORD_ATTRIBUTE}`;
	if (!input.id) throw new Error(`${where} has no id, so a result could not link to it`);
	let tags: SearchTags;
	try {
		tags = JSON.parse(input.json) as SearchTags;
	} catch {
		throw new Error(`${where} "${input.id}" is not valid JSON; set it with searchRecordAttributes()`);
	}
	if (!tags.meta?.title || !tags.filters?.type) {
		throw new Error(`${where} "${input.id}" lacks a title or type; set it with searchRecordAttributes()`);
	}
	const filters = Object.fromEntries(Object.entries(tags.filters).filter((e): e is [string, string[]] => !!e[1]));
	return {
		url: `${input.page}#${input.id}`,
		content: input.text.replace(/\s+/g, ' ').trim(),
		language: 'en',
		meta: tags.meta,
		filters,
		sort: tags.sort ?? {},
	};
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "January 2022" for the month filter value `2022-01`; the value itself if it is not a month. */
export function monthLabel(month: string): string {
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return month;
	return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** "some-new-id" → "Some new id": a readable fallback for a filter value with no label. */
export const humanise = (id: string): string => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
