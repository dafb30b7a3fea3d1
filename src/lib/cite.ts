/**
 * "Cite this": a source article, an explainer or a timeline event in APA (7th edition), MLA (9th),
 * Chicago (17th, bibliography entry) and BibTeX, with the reader's date of access. Pure, so the
 * share menu formats in the browser what the unit tests check.
 *
 * Honesty rules (EDITORIAL.md): nothing is invented. No author is recorded for any of these works,
 * so none is given (each style then leads with the title). A source article whose publisher is not
 * recorded says "publisher not recorded" in every style, rather than leaving a gap a reader might
 * fill with a guess, and says that the text is reproduced on this site. A date we established from
 * internal evidence only roughly is marked "ca."/"circa". Explainers and events have no recorded
 * publication date: "n.d.", or no date where the style omits it.
 */
import { MONTHS } from './dates';

export interface CiteRecord {
	kind: 'article' | 'explainer' | 'event';
	title: string;
	/** Absolute address of the work (an event's is its anchor on the timeline). */
	url: string;
	/** Source articles: the day of publication (ISO `2022-01-13`), as established from the text. */
	published?: string | undefined;
	/** True when that date is our approximate reading of the evidence. */
	approximate?: boolean | undefined;
	/** Source articles: the publisher, or null when the text does not record it. */
	publisher?: string | null | undefined;
	/** Events: when the event happened, as readers see it ("10 January 2022"). */
	eventDate?: string | undefined;
}

export type CiteStyle = 'APA' | 'MLA' | 'Chicago' | 'BibTeX';

/** Text with the runs a style sets in italics marked, so a page can show them and a copy stays plain. */
export type Run = string | { i: string };

export interface Citation {
	style: CiteStyle;
	/** "APA (7th edition)" */
	name: string;
	runs: Run[];
	/** The citation as plain text, for the clipboard. */
	text: string;
}

/** MLA abbreviates months of more than four letters. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Day {
	y: number;
	m: number;
	d: number;
}

function parseDay(iso: string): Day {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new Error(`cite: "${iso}" is not an ISO day (YYYY-MM-DD)`);
	return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** The reader's calendar day (local time: the day they read it). */
const accessDay = (date: Date): Day => ({ y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() });

const mdy = (t: Day) => `${MONTHS[t.m - 1]} ${t.d}, ${t.y}`;
const dmyMla = (t: Day) => `${t.d} ${MLA_MONTHS[t.m - 1]} ${t.y}`;
const isoOf = (t: Day) => `${t.y}-${String(t.m).padStart(2, '0')}-${String(t.d).padStart(2, '0')}`;

/** A title ends with its own punctuation, or gets the style's full stop. */
const endWith = (text: string, mark: string) => (/[.?!…]$/.test(text) ? text : `${text}${mark}`);
/** MLA and Chicago put the full stop inside the closing quotation mark. */
const quoted = (title: string) => `“${endWith(title, '.')}”`;

const bibEscape = (s: string) => s.replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}');

const plain = (runs: Run[]) => runs.map((r) => (typeof r === 'string' ? r : r.i)).join('');

function bibKey(rec: CiteRecord, year: number | undefined): string {
	const slug = new URL(rec.url).hash.slice(1) || new URL(rec.url).pathname.split('/').filter(Boolean).at(-1) || 'site';
	return `${slug.replace(/[^A-Za-z0-9-]/g, '')}${year ? `-${year}` : ''}`;
}

/** The four citations of a work, accessed on `accessed`. */
export function citations(rec: CiteRecord, site: { name: string }, accessed: Date): Citation[] {
	const seen = accessDay(accessed);
	const pub = rec.published ? parseDay(rec.published) : undefined;
	const ca = rec.approximate ? 'ca. ' : '';
	const mlaUrl = rec.url.replace(/^https?:\/\//, '');
	const publisherKnown = typeof rec.publisher === 'string' && rec.publisher.length > 0;
	const title = rec.kind === 'event' && rec.eventDate ? `${rec.title} (${rec.eventDate})` : rec.title;

	let apa: Run[];
	let mla: Run[];
	let chicago: Run[];
	// Double braces keep the title's capitals as written (BibTeX styles would lower-case them).
	const bib: Record<string, string> = { title: `{{${bibEscape(title)}}}` };
	const notes: string[] = [];

	if (rec.kind === 'article') {
		if (!pub) throw new Error(`cite: the source article "${rec.title}" needs its publication date`);
		const publisherApa: Run[] = publisherKnown ? [{ i: rec.publisher! }, '. '] : ['[Publisher not recorded]. '];
		apa = [
			`${endWith(rec.title, '.')} (${ca}${pub.y}, ${MONTHS[pub.m - 1]} ${pub.d}). `,
			...publisherApa,
			'Reproduced in ',
			{ i: site.name },
			`. Retrieved ${mdy(seen)}, from ${rec.url}`,
		];
		mla = [
			`${quoted(rec.title)} `,
			...(publisherKnown ? [{ i: rec.publisher! }] : ['[Publisher not recorded]']),
			`, ${rec.approximate ? 'circa ' : ''}${dmyMla(pub)}. Reproduced in `,
			{ i: site.name },
			`, ${mlaUrl}. Accessed ${dmyMla(seen)}.`,
		];
		chicago = [
			`${quoted(rec.title)} `,
			...(publisherKnown ? [{ i: rec.publisher! }] : ['Publisher not recorded']),
			`, ${ca}${mdy(pub)}. Reproduced in `,
			{ i: site.name },
			`. Accessed ${mdy(seen)}. ${rec.url}.`,
		];
		bib['year'] = String(pub.y);
		bib['month'] = BIB_MONTHS[pub.m - 1]!;
		if (publisherKnown) bib['organization'] = `{${bibEscape(rec.publisher!)}}`;
		else notes.push('Publisher not recorded');
		if (rec.approximate) notes.push('Date approximate, established from the text');
		notes.push(`Reproduced in ${site.name}`);
	} else {
		// An explainer or a timeline entry: a page of this site, with no recorded date.
		const what = rec.kind === 'event' ? 'Timeline entry. ' : '';
		const event = rec.kind === 'event';
		apa = [
			{ i: title },
			event ? ' [Timeline entry]' : '',
			`${event || !/[.?!…]$/.test(title) ? '.' : ''} (n.d.). ${site.name}. Retrieved ${mdy(seen)}, from ${rec.url}`,
		];
		mla = [`${quoted(title)} `, { i: site.name }, `, ${mlaUrl}. Accessed ${dmyMla(seen)}.`];
		chicago = [`${quoted(title)} ${what}`, { i: site.name }, `, n.d. Accessed ${mdy(seen)}. ${rec.url}.`];
		bib['organization'] = `{${bibEscape(site.name)}}`;
		if (rec.kind === 'event') notes.push('Timeline entry');
		notes.push('Undated');
	}
	bib['howpublished'] = `{\\url{${rec.url}}}`;
	bib['urldate'] = `{${isoOf(seen)}}`;
	notes.push(`Accessed ${isoOf(seen)}`);
	bib['note'] = `{${bibEscape(notes.join('. '))}}`;

	const width = Math.max(...Object.keys(bib).map((k) => k.length));
	const bibtex = `@misc{${bibKey(rec, pub?.y)},\n${Object.entries(bib)
		.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`)
		.join(',\n')}\n}`;

	const make = (style: CiteStyle, name: string, runs: Run[]): Citation => ({
		style,
		name,
		runs: runs.filter((r) => r !== ''),
		text: plain(runs),
	});
	return [
		make('APA', 'APA (7th edition)', apa),
		make('MLA', 'MLA (9th edition)', mla),
		make('Chicago', 'Chicago (17th edition, bibliography)', chicago),
		make('BibTeX', 'BibTeX', [bibtex]),
	];
}
