/**
 * What a sentence asserts that can be checked mechanically: the dates, numbers, proper names and
 * quotations in it. The grounding check (`grounding.ts`) looks each one up in the paragraphs the
 * sentence cites. Pure text functions: no Astro, no file system.
 */

const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
] as const;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Full names and the abbreviations sources use ("Feb. 24"), to month numbers 1–12. */
const MONTH_BY_NAME = new Map<string, number>([
	...MONTH_NAMES.map((m, i) => [m, i + 1] as const),
	...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'].map(
		(m) => [m, MONTH_NAMES.findIndex((full) => full.startsWith(m.slice(0, 3))) + 1] as const,
	),
]);

const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const WEEKDAY = String.raw`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?!\d)`;
const YEAR = String.raw`(1[89]\d\d|20\d\d)(?!\d)`;

export const monthNumber = (name: string): number => MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
export const weekdayNumber = (name: string): number => WEEKDAYS.indexOf(name.toLowerCase() as never);
export const weekdayName = (n: number): string => {
	const name = WEEKDAYS[n] ?? '';
	return name.charAt(0).toUpperCase() + name.slice(1);
};

/** A date as a sentence gives it: any of its parts may be missing ("10 January", "March 2022", "the 12th"). */
export interface TextDate {
	/** The words as written. */
	text: string;
	year?: number;
	month?: number;
	day?: number;
	/** 0 (Sunday) – 6, when the sentence names the weekday ("Monday 10 January"). */
	weekday?: number;
}

interface Found {
	dates: TextDate[];
	/** The text with every date blanked out, so its digits are not read again as numbers. */
	rest: string;
}

const blank = (text: string, start: number, length: number) =>
	text.slice(0, start) + ' '.repeat(length) + text.slice(start + length);

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/**
 * Every date in `text`, most specific patterns first; a span read once is blanked so that "10 January
 * 2022" is not also read as "January 2022" and "2022". Ranges ("from 10 to 13 January", "January
 * 11-12") give both ends; with `expandRanges` (for source paragraphs) every day between them too.
 */
export function findDates(text: string, { expandRanges = false } = {}): Found {
	const dates: TextDate[] = [];
	let rest = text;
	const take = (pattern: string, read: (m: RegExpExecArray) => TextDate[]) => {
		const re = new RegExp(String.raw`(?<![\p{L}\p{N}])` + pattern, 'giu');
		let m: RegExpExecArray | null;
		while ((m = re.exec(rest))) {
			const found = read(m).filter((d) => d.month === undefined || (d.month >= 1 && d.month <= 12));
			if (!found.length || found.some((d) => d.day !== undefined && (d.day < 1 || d.day > 31))) continue;
			dates.push(...found);
			rest = blank(rest, m.index, m[0].length);
		}
	};
	const span = (text: string, from: number, to: number, month: number, year?: number): TextDate[] => {
		const days = expandRanges ? Array.from({ length: Math.max(0, to - from) + 1 }, (_, i) => from + i) : [from, to];
		return days.map((day) => ({ text, day, month, ...(year ? { year } : {}) }));
	};
	// "from 10 to 13 January 2022", "10–13 January", "11 and 12 January"
	take(String.raw`${DAY}\s*(?:–|-|to|and)\s*${DAY}\s+${MONTH}(?:,?\s+${YEAR})?`, (m) =>
		span(m[0], Number(m[1]), Number(m[2]), monthNumber(m[3] ?? ''), num(m[4])),
	);
	// "January 11-12", "January 11 and 12, 2022"
	take(String.raw`${MONTH}\s+${DAY}\s*(?:–|-|and)\s*${DAY}(?:,?\s+${YEAR})?`, (m) =>
		span(m[0], Number(m[2]), Number(m[3]), monthNumber(m[1] ?? ''), num(m[4])),
	);
	// "Monday 10 January 2022", "10 January", "4 April 1949"
	take(String.raw`(?:${WEEKDAY},?\s+)?${DAY}\s+${MONTH}(?:,?\s+${YEAR})?`, (m) => [
		{
			text: m[0],
			day: Number(m[2]),
			month: monthNumber(m[3] ?? ''),
			...(m[4] ? { year: Number(m[4]) } : {}),
			...(m[1] ? { weekday: weekdayNumber(m[1]) } : {}),
		},
	]);
	// "January 13, 2022", "Feb. 24", "December 17"
	take(String.raw`(?:${WEEKDAY},?\s+)?${MONTH}\s+${DAY}(?:,?\s+${YEAR})?`, (m) => [
		{
			text: m[0],
			day: Number(m[3]),
			month: monthNumber(m[2] ?? ''),
			...(m[4] ? { year: Number(m[4]) } : {}),
			...(m[1] ? { weekday: weekdayNumber(m[1]) } : {}),
		},
	]);
	// "mid-March 2022", "December 2021"
	take(String.raw`(?:(?:early|mid|late)[-\s])?${MONTH}\s+${YEAR}`, (m) => [
		{ text: m[0], month: monthNumber(m[1] ?? ''), year: Number(m[2]) },
	]);
	// "on the 10th"
	take(String.raw`the\s+(\d{1,2})(?:st|nd|rd|th)(?![\p{L}\p{N}])`, (m) => [{ text: m[0], day: Number(m[1]) }]);
	take(YEAR, (m) => [{ text: m[0], year: Number(m[1]) }]);
	// A month alone ("by early March"). Not "May", which is far more often the verb.
	take(
		String.raw`(?:(?:early|mid|late)[-\s])?(January|February|March|April|June|July|August|September|October|November|December)(?![\p{L}])`,
		(m) => [{ text: m[0], month: monthNumber(m[1] ?? '') }],
	);
	take(String.raw`${WEEKDAY}(?![\p{L}])`, (m) => [{ text: m[0], weekday: weekdayNumber(m[1] ?? '') }]);
	return { dates, rest };
}

/** A number in the text, with its scale: "$13.6 billion" is 13.6e9, "three million" 3e6, "14,000" 14000. */
export interface TextNumber {
	text: string;
	value: number;
}

const WORD_NUMBERS: Record<string, number> = {
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	hundred: 100,
	thousand: 1000,
	dozen: 12,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9 };

/**
 * Numbers written in digits or in words. "One" is left out: in prose it is a pronoun ("one source")
 * far more often than a count, and no claim here turns on it.
 */
export function findNumbers(text: string): TextNumber[] {
	const found: TextNumber[] = [];
	const words = Object.keys(WORD_NUMBERS).join('|');
	const re = new RegExp(
		String.raw`(?<![\p{L}\p{N}.,])(\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$?\d+(?:\.\d+)?|${words})(?:\s*(thousand|million|billion|bn)(?![\p{L}]))?(?![\p{L}\p{N}])`,
		'giu',
	);
	for (const m of text.matchAll(re)) {
		const raw = (m[1] ?? '').toLowerCase();
		const base = WORD_NUMBERS[raw] ?? Number(raw.replace(/[$,]/g, ''));
		const scale = m[2] ? (SCALES[m[2].toLowerCase()] ?? 1) : 1;
		if (Number.isFinite(base)) found.push({ text: m[0], value: base * scale });
	}
	return found;
}

/** Phrases in quotation marks: “…” always, ‘…’ when it opens after a space or a bracket. */
export function findQuotations(text: string): { text: string; index: number; length: number }[] {
	return [...text.matchAll(/“([^”]+)”|(?<=^|[\s(])‘([^’]+)’(?![\p{L}])/gu)].map((m) => ({
		text: (m[1] ?? m[2] ?? '').trim(),
		index: m.index,
		length: m[0].length,
	}));
}

/** Text compared the same way on both sides: no accents, one kind of quote, apostrophe and dash, lower case. */
export function normalise(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[’‘`´]/g, "'")
		.replace(/[“”„]/g, '"')
		.replace(/[–—‑]/g, '-')
		.replace(/\s+/g, ' ')
		.toLowerCase();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `term` stands in `text` as a whole word (or words). Both are normalised first. */
export function containsWord(text: string, term: string): boolean {
	const t = normalise(term).trim();
	if (!t) return false;
	return new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(t)}(?![\p{L}\p{N}])`, 'u').test(normalise(text));
}

/**
 * Words that open a sentence with a capital without being names. A capitalised first word is
 * taken as a name only when it is neither here nor written in lower case anywhere in the content.
 */
const SENTENCE_OPENERS = new Set(
	`a about above according after afterwards again against all almost also although among an and another any
around as at because before below between both but by despite during each earlier either elsewhere even
every few finally first for from further he her here his how however if in indeed instead into it its just
last later less many meanwhile more most much nearly neither never nevertheless next no none nor not now of
on once one only or other our over second several she since so some still such that the their then there
these they third this those though three through to today together two under unlike until we what when
where whether which while who why with within without yet you`.split(/\s+/),
);

/**
 * Capitalised words that can be names: every capitalised word but the first of the sentence, and
 * the first too unless it is an ordinary word (`isOrdinary` says whether its lower-case form is in use).
 * Months and weekdays are dates, not names; "I" is a pronoun. Possessives are cut ("Russia’s" →
 * "Russia"), compounds split ("NATO–Russia", "non-NATO", "Euro-Atlantic").
 */
export function findNames(text: string, isOrdinary: (lower: string) => boolean = () => false): string[] {
	const names: string[] = [];
	const re = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.]*(?:[-–—/][\p{L}\p{M}\p{N}'’.]+)*/gu;
	let last = 0;
	for (const m of text.matchAll(re)) {
		const word = m[0];
		// The first word of the text, or the first after a full stop, opens a sentence.
		const opensSentence = last === 0 || /[.!?]["”’)]*\s+["“‘(*]*$/u.test(text.slice(0, m.index));
		last = m.index + word.length;
		for (let part of word.split(/[-–—/]/)) {
			// "U.S." keeps its dots; any other word loses a trailing full stop.
			if (!/^(\p{Lu}\.)+$/u.test(part)) part = part.replace(/\.+$/, '');
			part = part.replace(/['’]s$/u, '').replace(/['’]$/u, '');
			if (!/^\p{Lu}/u.test(part) || part === 'I') continue;
			const lower = part.toLowerCase();
			if (MONTH_BY_NAME.has(lower) || (WEEKDAYS as readonly string[]).includes(lower)) continue;
			// An opening participle or adverb ("Speaking to…", "Earlier,") is not a name either.
			if (opensSentence && (SENTENCE_OPENERS.has(lower) || isOrdinary(lower) || /^\p{Ll}+(ing|ly|ed)$/u.test(lower)))
				continue;
			names.push(part);
		}
	}
	return names;
}

/** A word before a full stop that does not end a sentence: "Mr.", "Feb.", "U.S.". */
const ABBREVIATION =
	/(?:(?<![\p{L}])(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|e\.g|i\.e|vs)\.|(?:(?<![\p{L}])\p{Lu}\.)+)$/u;

/**
 * Sentences of a paragraph of our prose. Quotations are kept whole even when they hold several
 * sentences; abbreviations ("U.S.", "Feb.") do not end a sentence. Returns each sentence with its
 * offset in `text`.
 */
export function splitSentences(text: string): { text: string; start: number }[] {
	// Mask quotations so that full stops inside them do not split.
	let masked = text;
	// A quotation that ends with a full stop ends its sentence: its closing “.”” stays visible.
	for (const q of findQuotations(text)) {
		const kept = /[.!?][”’]$/.test(text.slice(q.index, q.index + q.length)) ? 2 : 0;
		masked =
			masked.slice(0, q.index) +
			'Q'.repeat(q.length - kept) +
			text.slice(q.index + q.length - kept, q.index + q.length) +
			masked.slice(q.index + q.length);
	}
	const out: { text: string; start: number }[] = [];
	let start = 0;
	for (const m of masked.matchAll(/[.!?]+["”’)]*\s+(?=[“"‘(*]*[\p{Lu}\p{N}])/gu)) {
		if (ABBREVIATION.test(masked.slice(0, m.index + 1))) continue;
		out.push({ text: text.slice(start, m.index + m[0].trimEnd().length), start });
		start = m.index + m[0].length;
	}
	if (text.slice(start).trim()) out.push({ text: text.slice(start), start });
	return out.map((s) => {
		const lead = s.text.length - s.text.trimStart().length;
		return { text: s.text.trim(), start: s.start + lead };
	});
}
