/** Dates are calendar days: they are formatted in UTC so no time zone can move them. */
const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "10 January 2022", as the editorial policy asks for prose. */
export const formatDate = (date: Date): string => long.format(date);

/** "2022-01-10", for `<time datetime>` and data. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD: `2022-02-29` and `2022-13-01` are not. */
export function isCalendarDay(text: string): boolean {
	const date = new Date(`${text}T00:00:00Z`);
	return ISO_DAY.test(text) && !Number.isNaN(date.getTime()) && isoDate(date) === text;
}

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
