/** Dates are calendar days: they are formatted in UTC so no time zone can move them. */
import { isCalendarDay } from './calendar-day';

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "10 January 2022", as the editorial policy asks for prose. */
export const formatDate = (date: Date): string => long.format(date);

/** "2022-01-10", for `<time datetime>` and data. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

export { isCalendarDay };

export interface YamlDateProblem {
	/** The key, as written: `published`, `date`. */
	key: string;
	/** The value, as written. */
	value: string;
	/** 1-based line in the YAML text. */
	line: number;
}

/**
 * Dates in YAML text that are not real calendar days. YAML parsers read an unquoted
 * `2022-13-45` as a timestamp and roll it over to 14 February 2023 without a word, so by the time
 * a schema sees the value it looks valid. This reads the text as written instead.
 */
export function yamlDateProblems(yaml: string): YamlDateProblem[] {
	const problems: YamlDateProblem[] = [];
	yaml.split(/\r?\n/).forEach((text, i) => {
		const m = /^\s*(?:-\s+)?([\w-]+):\s*["']?(\d{4}-\d{1,2}-\d{1,2})(?:[Tt ][^"'#]*)?["']?\s*(?:#.*)?$/.exec(text);
		if (m?.[1] && m[2] && !isCalendarDay(m[2])) problems.push({ key: m[1], value: m[2], line: i + 1 });
	});
	return problems;
}

/**
 * ISO 8601 calendar dates at the precision the sources give: `2022-01-10`, `2008-04` or `2014`.
 * Parsed by hand rather than with `new Date()`, which silently rolls 2022-02-30 over to 2 March.
 */
export type Precision = 'day' | 'month' | 'year';

export interface PartialDate {
	year: number;
	/** 1–12, for month and day precision. */
	month?: number;
	/** 1–31, for day precision. */
	day?: number;
	precision: Precision;
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Month names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;

/** Days in a month (1–12), leap years included. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or says in words what is wrong. */
export function parsePartialDate(text: string): PartialDate | { error: string } {
	const m = ISO_PARTIAL.exec(text);
	if (!m) return { error: `"${text}" is not an ISO 8601 date: write YYYY-MM-DD (or YYYY-MM, or YYYY)` };
	const year = Number(m[1]);
	if (m[2] === undefined) return { year, precision: 'year' };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return { error: `"${text}" has no month ${m[2]}: months run from 01 to 12` };
	if (m[3] === undefined) return { year, month, precision: 'month' };
	const day = Number(m[3]);
	const last = daysInMonth(year, month);
	if (day < 1 || day > last)
		return { error: `"${text}" is not a real date: ${MONTHS[month - 1]} ${year} has ${last} days` };
	return { year, month, day, precision: 'day' };
}

/** First instant of the date (UTC). */
export const startOf = (d: PartialDate): Date => new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));

/** First instant after the date (UTC): the next day, month or year. */
export function endOf(d: PartialDate): Date {
	if (d.precision === 'year') return new Date(Date.UTC(d.year + 1, 0, 1));
	if (d.precision === 'month') return new Date(Date.UTC(d.year, d.month ?? 1, 1));
	return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, (d.day ?? 1) + 1));
}

/** "10 January 2022", "April 2008" or "2014"; `withYear: false` leaves the year off a day or month. */
export function formatPartial(d: PartialDate, withYear = true): string {
	const y = withYear ? ` ${d.year}` : '';
	if (d.precision === 'year') return String(d.year);
	const month = MONTHS[(d.month ?? 1) - 1]!;
	return d.precision === 'month' ? `${month}${y}` : `${d.day} ${month}${y}`;
}

/** "10 Jan 2022", "Apr 2008", "2014": for the chart, where space is short. */
export function formatPartialShort(d: PartialDate, withYear = true): string {
	const y = withYear ? ` ${d.year}` : '';
	if (d.precision === 'year') return String(d.year);
	const month = MONTHS[(d.month ?? 1) - 1]!.slice(0, 3);
	return d.precision === 'month' ? `${month}${y}` : `${d.day} ${month}${y}`;
}

/** "10–13 January 2022", "24 February – 15 March 2022", "2014 – 17 December 2021". */
export function formatRange(a: PartialDate, b: PartialDate): string {
	if (a.precision === 'day' && b.precision === 'day' && a.year === b.year) {
		if (a.month === b.month) return `${a.day}–${formatPartial(b)}`;
		return `${formatPartial(a, false)} – ${formatPartial(b)}`;
	}
	return `${formatPartial(a)} – ${formatPartial(b)}`;
}

/** "8 to 13 January 2022", "1949 to 15 March 2022": a stretch in running prose. */
export function spanWords(a: PartialDate, b: PartialDate): string {
	if (a.precision === 'day' && b.precision === 'day' && a.year === b.year) {
		if (a.month === b.month) return a.day === b.day ? formatPartial(b) : `${a.day} to ${formatPartial(b)}`;
		return `${formatPartial(a, false)} to ${formatPartial(b)}`;
	}
	return `${formatPartial(a)} to ${formatPartial(b)}`;
}
