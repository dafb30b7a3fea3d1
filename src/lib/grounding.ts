/**
 * The grounding check: every date, number, proper name and quotation in a cited sentence of our
 * own prose must stand in the paragraphs it cites, in the glossary entry of someone those
 * paragraphs name, or in a context note that applies to it. Anything else is an error, unless a
 * reviewed exception (with its reason) accepts it. Pure: it works on plain texts handed to it.
 *
 * What counts as "standing in" a paragraph:
 * - a name, as a whole word, ignoring case, accents and possessives; or any word of the name,
 *   aliases or role of a glossary entry whom the cited paragraphs name under any spelling; or an
 *   equivalent form listed with its reason (U.S. / United States);
 * - a number, with the same value in digits or words ("two" / "2", "$13.6 billion");
 * - a date, at the precision the sentence gives it: a date written in the paragraph (years added
 *   from the article's own date when the paragraph leaves them out), the article's date itself for
 *   "today", or a weekday ("on Tuesday") resolved against the article's date, as `dateEvidence`
 *   does; a month or year also stands when the article is of that month or year. A weekday the
 *   sentence adds to a date ("Wednesday 12 January") must be that date's weekday;
 * - a quotation, word for word (ellipses may join pieces).
 */
import type { CitationRef } from './citations';
import type { Problem } from './problems';
import {
	containsWord,
	findDates,
	findNames,
	findNumbers,
	findQuotations,
	normalise,
	weekdayName,
	type TextDate,
} from './grounding-terms';

/** One sentence of our prose and what it is checked against. */
export interface Claim {
	/** File it is written in, relative to the project root. */
	file: string;
	/** 1-based line of the sentence in that file. */
	line: number;
	/** Where in the file, as authors see it: `body`, `events[12].summary`. */
	field: string;
	text: string;
	/** The paragraphs it cites. */
	sources: readonly CitationRef[];
	/** Context notes (text and reference) that apply to it: those of its explainer, or its event's. */
	context: readonly string[];
	/** Editor's notes on the cited paragraphs count too: a `<Correction>` restates the note it links to. */
	withNotes?: boolean;
}

export interface GroundingArticle {
	/** The article's date, ISO (`2022-01-10`). */
	published: string;
	/** The date is an estimate: then "today" and weekdays are read against it all the same. */
	approximate: boolean;
	paragraphs: ReadonlyMap<string, string>;
	/** Editor's notes as text, by paragraph id. */
	notes: readonly { paragraph: string; text: string }[];
}

export interface GlossaryEntry {
	id: string;
	/** Name and aliases, every spelling the sources use. */
	names: readonly string[];
	role?: string | undefined;
}

/** Forms that name the same thing; one in a paragraph grounds the others. Each has its reason. */
export interface Equivalence {
	terms: readonly string[];
	reason: string;
}

/** A reviewed acceptance of one term in one sentence that the check cannot ground by itself. */
export interface GroundingException {
	file: string;
	/** Words of the sentence, enough to single it out. */
	sentence: string;
	/** The term as the check reports it. */
	term: string;
	/** Why it is right although the cited paragraphs do not contain it. */
	reason: string;
}

export type TermKind = 'name' | 'number' | 'date' | 'quotation' | 'weekday';

export interface Ungrounded {
	claim: Claim;
	kind: TermKind;
	term: string;
	/** Extra detail for the message (e.g. the real weekday). */
	detail?: string;
}

export interface GroundingReport {
	/** Sentences checked. */
	sentences: number;
	/** Dates, numbers, names and quotations checked in them. */
	terms: number;
	failures: Ungrounded[];
	accepted: { failure: Ungrounded; exception: GroundingException }[];
	unusedExceptions: GroundingException[];
}

export interface GroundingInput {
	claims: readonly Claim[];
	articles: ReadonlyMap<string, GroundingArticle>;
	glossary: readonly GlossaryEntry[];
	equivalences?: readonly Equivalence[];
	exceptions?: readonly GroundingException[];
}

interface Day {
	year?: number | undefined;
	month?: number | undefined;
	day?: number | undefined;
}

const DAY_MS = 86_400_000;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
interface FullDay {
	year: number;
	month: number;
	day: number;
}

const parts = (d: Date): FullDay => ({
	year: d.getUTCFullYear(),
	month: d.getUTCMonth() + 1,
	day: d.getUTCDate(),
});
const weekdayOf = (d: FullDay) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

/** Words that make a weekday point forward ("is due on Monday") rather than back. */
const FUTURE = /\b(will|due|scheduled|next|upcoming|expected|to be held|plans?)\b/i;

/**
 * The dates a source paragraph gives, as full or partial days. A day without a year takes the year
 * that puts it nearest the article's date ("December 17" in a January 2022 article is 2021).
 */
export function paragraphDates(text: string, article: Pick<GroundingArticle, 'published'>): Day[] {
	const ref = utc(article.published);
	const days: Day[] = [];
	for (const d of findDates(text, { expandRanges: true }).dates) {
		const { day, month } = d;
		if (day !== undefined && month !== undefined) {
			const base = ref.getUTCFullYear();
			const distance = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - ref.getTime());
			const year = d.year ?? [base - 1, base, base + 1].sort((a, b) => distance(a) - distance(b))[0];
			days.push({ year, month, day });
		} else if (d.weekday !== undefined && d.day === undefined && d.month === undefined) {
			// "on Thursday": the last such day up to the article's date, or the next one if the
			// paragraph speaks of what is to come.
			const back = (ref.getUTCDay() - d.weekday + 7) % 7;
			days.push(parts(new Date(ref.getTime() - back * DAY_MS)));
			if (FUTURE.test(text)) days.push(parts(new Date(ref.getTime() + ((7 - back) % 7 || 7) * DAY_MS)));
		} else {
			days.push({ year: d.year, month: d.month, day: d.day });
		}
	}
	if (/\btoday\b/i.test(text)) days.push(parts(ref));
	return days;
}

function dateStands(d: TextDate, known: readonly Day[]): boolean {
	return known.some(
		(k) =>
			(d.year === undefined || k.year === undefined || k.year === d.year) &&
			(d.month === undefined || k.month === d.month) &&
			(d.day === undefined || k.day === d.day) &&
			// A bare year or month needs a known date that has one; a weekday alone is checked apart.
			(d.year === undefined || k.year !== undefined) &&
			(d.month === undefined || k.month !== undefined) &&
			(d.day === undefined || k.day !== undefined),
	);
}

const excerpt = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Runs the check. Exceptions that accept nothing are reported too: a stale exception hides nothing. */
export function checkGrounding(input: GroundingInput): GroundingReport {
	const { articles, glossary } = input;
	const equivalences = input.equivalences ?? [];
	const exceptions = input.exceptions ?? [];
	// Lower-case words in use anywhere: a capitalised sentence opener that is one is not a name.
	const ordinary = new Set<string>();
	const collect = (text: string) => {
		for (const w of text.match(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu) ?? []) ordinary.add(w);
	};
	for (const a of articles.values()) for (const p of a.paragraphs.values()) collect(p);
	for (const c of input.claims) collect(c.text);

	const report: GroundingReport = { sentences: 0, terms: 0, failures: [], accepted: [], unusedExceptions: [] };
	const used = new Set<GroundingException>();

	for (const claim of input.claims) {
		report.sentences++;
		const cited: string[] = [];
		const notes: string[] = [];
		const known: Day[] = [];
		for (const ref of claim.sources) {
			const article = articles.get(ref.article);
			const own = article?.paragraphs.get(ref.p);
			if (!article || own === undefined) continue; // unknown citations are the citation check's to report
			// An embedded post and its attribution line ("— NATO (@NATO) January 13, 2022") are one quotation.
			const next = article.paragraphs.get(`p${Number(ref.p.slice(1)) + 1}`);
			const text = next?.startsWith('— ') ? `${own}\n${next}` : own;
			cited.push(text);
			known.push(...paragraphDates(text, article));
			const date = parts(utc(article.published));
			known.push(article.approximate ? { year: date.year, month: date.month } : date);
			if (claim.withNotes) notes.push(...article.notes.filter((n) => n.paragraph === ref.p).map((n) => n.text));
		}
		for (const c of claim.context) known.push(...findDates(c).dates);
		for (const n of notes) known.push(...findDates(n).dates);
		const grounds = [...cited, ...notes, ...claim.context];
		const entries = glossary.filter((e) => e.names.some((n) => cited.some((t) => containsWord(t, n))));
		const glossaryText = entries.flatMap((e) => [...e.names, e.role ?? '']);

		const fail = (kind: TermKind, term: string, detail?: string) => {
			const failure: Ungrounded = { claim, kind, term, ...(detail ? { detail } : {}) };
			const exception = exceptions.find(
				(x) => x.file === claim.file && x.term === term && claim.text.includes(x.sentence),
			);
			if (exception) {
				used.add(exception);
				report.accepted.push({ failure, exception });
			} else report.failures.push(failure);
		};

		// Quotations: word for word in a cited paragraph (or the editor's note a correction restates).
		let text = claim.text;
		const quoted = [...cited, ...notes].map(normalise).join('\n');
		for (const q of findQuotations(claim.text)) {
			report.terms++;
			const pieces = q.text
				.split(/…|\.\.\./)
				.map((p) => normalise(p).replace(/^[\s,;:]+|[\s.,;:!?]+$/g, ''))
				.filter(Boolean);
			if (!pieces.every((p) => quoted.includes(p))) fail('quotation', `“${q.text}”`);
			text = text.slice(0, q.index) + ' '.repeat(q.length) + text.slice(q.index + q.length);
		}

		const { dates, rest } = findDates(text);
		for (const d of dates) {
			report.terms++;
			if (d.day === undefined && d.month === undefined && d.year === undefined) {
				// A weekday alone: the paragraph names it, or a known date falls on it.
				const named = grounds.some((g) => containsWord(g, weekdayName(d.weekday ?? -1)));
				const falls = known.some(
					(k) => k.day !== undefined && k.year !== undefined && weekdayOf(k as FullDay) === d.weekday,
				);
				if (!named && !falls) fail('date', d.text.trim());
				continue;
			}
			if (!dateStands(d, known)) {
				fail('date', d.text.trim());
				continue;
			}
			if (d.weekday !== undefined && d.day !== undefined && d.month !== undefined) {
				const match = known.find(
					(k) =>
						k.day === d.day &&
						k.month === d.month &&
						k.year !== undefined &&
						(d.year === undefined || k.year === d.year),
				);
				if (match && weekdayOf(match as FullDay) !== d.weekday)
					fail('weekday', d.text.trim(), `that day was a ${weekdayName(weekdayOf(match as FullDay))}`);
			}
		}

		const numbers = [...cited, ...notes, ...claim.context].flatMap((g) => findNumbers(g).map((n) => n.value));
		for (const n of findNumbers(rest)) {
			report.terms++;
			if (!numbers.includes(n.value)) fail('number', n.text.trim());
		}

		const nameGrounds = [...grounds, ...glossaryText];
		for (const name of new Set(findNames(rest, (w) => ordinary.has(w)))) {
			report.terms++;
			if (nameGrounds.some((g) => containsWord(g, name))) continue;
			const equivalent = equivalences.some(
				(e) =>
					e.terms.some((t) => containsWord(t, name)) && e.terms.some((t) => grounds.some((g) => containsWord(g, t))),
			);
			if (!equivalent) fail('name', name);
		}
	}
	report.unusedExceptions = exceptions.filter((x) => !used.has(x));
	return report;
}

const KIND_WORDS: Record<TermKind, string> = {
	name: 'the name',
	number: 'the number',
	date: 'the date',
	quotation: 'the quotation',
	weekday: 'the weekday in',
};

/** The report's failures and stale exceptions as build problems, in the one format the build prints. */
export function groundingProblems(
	report: GroundingReport,
	input: Pick<GroundingInput, 'articles'>,
	exceptionsFile: string,
): Problem[] {
	const problems: Problem[] = report.failures.map((f) => {
		const against = f.claim.sources
			.map((s) => `${s.article} ${s.p}: “${excerpt(input.articles.get(s.article)?.paragraphs.get(s.p) ?? '')}”`)
			.join('; ');
		const what = f.kind === 'weekday' ? `${f.term}: ${f.detail ?? 'wrong weekday'}` : `${f.term}`;
		const fix =
			f.kind === 'quotation'
				? 'copy the words exactly from the cited paragraph, or cite the paragraph that has them'
				: f.kind === 'weekday'
					? 'correct the weekday or the date'
					: `cite the paragraph that gives it; put an outside fact in a context note with its reference; or, if it is right as written, add an exception with its reason to ${exceptionsFile}`;
		return {
			file: f.claim.file,
			field: `${f.claim.field}, line ${f.claim.line}`,
			message: `${KIND_WORDS[f.kind]} ${what} in “${excerpt(f.claim.text, 90)}” is not in what it cites (${against || 'no paragraph'}), in the glossary entry of anyone named there, or in a context note`,
			fix,
		};
	});
	for (const x of report.unusedExceptions) {
		problems.push({
			file: exceptionsFile,
			field: `exception for “${x.term}” in ${x.file}`,
			message: `no sentence containing “${excerpt(x.sentence, 60)}” has this ungrounded term any more`,
			fix: 'remove the exception: the sentence changed or is now grounded',
		});
	}
	return problems;
}

/** One line for the build log: what was checked, what was accepted by review, what failed. */
export function groundingSummary(report: GroundingReport): string {
	const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
	return (
		`${plural(report.sentences, 'cited sentence')} checked (${plural(report.terms, 'date, number, name or quotation', 'dates, numbers, names and quotations')}); ` +
		`${plural(report.accepted.length, 'reviewed exception')}; ${plural(report.failures.length, 'unreviewed failure')}`
	);
}
