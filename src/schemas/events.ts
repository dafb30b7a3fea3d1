import { z } from 'astro/zod';
import { parsePartialDate, startOf, endOf, type Precision } from '../lib/dates';
import { KEBAB_ID } from '../lib/ids';
import { PARAGRAPH_ID } from '../lib/paragraphs';
import { TRACK_IDS } from '../lib/tracks';
import { expect, unknownKeys } from './messages';

const FIX_DATE = 'write a real calendar date as YYYY-MM-DD (or YYYY-MM, or YYYY when the sources give only a year)';

/**
 * An ISO 8601 date at the precision the sources give: `2022-01-10`, `2008-04` or `2014`. Kept as
 * text and checked by hand: `new Date('2022-02-30')` would quietly become 2 March.
 */
const isoDate = (what: string) =>
	z.preprocess(
		// YAML reads a bare year (2014) as a number; the year is still a valid date.
		(v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
		z.string({ error: expect(what) }).superRefine((text, ctx) => {
			const parsed = parsePartialDate(text);
			if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error, params: { fix: FIX_DATE } });
			else if (parsed.year < 1900 || parsed.year > 2030)
				ctx.addIssue({
					code: 'custom',
					message: `"${text}" is outside the years this story covers`,
					params: { fix: 'check the year against the source paragraph' },
				});
		}),
	);

/** A source paragraph: resolved at build time through `resolveCitation` in src/lib/citations.ts. */
const citation = z.strictObject(
	{
		/** Article id, its slug: the file name in src/content/articles without `.mdx`. */
		article: z
			.string({ error: expect('an article id such as "nato-russia-council-rejects-key-demands"') })
			.regex(KEBAB_ID, { error: expect('an article id such as "nato-russia-council-rejects-key-demands"') }),
		/** Paragraph id, e.g. "p3": the number beside the paragraph on the article page. */
		p: z
			.string({ error: expect('a paragraph id such as "p3"') })
			.regex(PARAGRAPH_ID, { error: expect('a paragraph id such as "p3"') }),
	},
	{ error: unknownKeys(['article', 'p']) },
);

/** How `date` (and `end`) relate to when the event happened. */
export const WHEN = ['on', 'between', 'reported'] as const;

/** One event in src/content/events.yaml. `refs.person` is Astro's `reference('people')`, or a stand-in in tests. */
export function eventSchema<Person extends z.ZodType>(refs: { person: Person }) {
	const fields = {
		/** Stable id, kebab-case. It is the event's permalink (/timeline/#id): never change a published one. */
		id: z
			.string({ error: expect('a kebab-case id such as "nato-russia-council-meets"') })
			.regex(KEBAB_ID, { error: expect('a kebab-case id such as "nato-russia-council-meets"') }),
		/** When it happened, ISO 8601 at the precision the sources give: 2022-01-10, 2008-04 or 2014. */
		date: isoDate('an ISO 8601 date such as 2022-01-10 (or 2008-04, or 2014)'),
		/** How precise `date` is. Worked out from the form of `date` when left out; if given, it must match. */
		precision: z.enum(['day', 'month', 'year'], { error: expect('one of day, month, year') }).optional(),
		/** Last day of an event that lasted more than a day; with `when: between`, the latest day it can have happened. */
		end: isoDate('an ISO 8601 date such as 2022-01-12').optional(),
		/**
		 * `on` (default): it happened on `date` (through `end`, if given). `between`: the sources say only that it
		 * happened at some time from `date` to `end`. `reported`: the sources give no date; `date` is the day of the
		 * report that carries it.
		 */
		when: z.enum(WHEN, { error: expect(`one of ${WHEN.join(', ')}`) }).default('on'),
		/** True when the day is our best reading of the text, not stated in it (e.g. “after the meeting”). */
		approximate: z.boolean({ error: expect('true or false') }).default(false),
		/** How the date was established from the text: the weekday or phrase, resolved against the article's date. */
		dateBasis: z
			.string({ error: expect('a sentence saying how the date was established') })
			.min(20)
			.optional(),
		/** Headline in our neutral words, like a news headline in the present tense. */
		title: z
			.string({ error: expect('a short headline in our words') })
			.min(10)
			.max(90),
		/** Short label for the chart, at most 30 characters. Defaults to the title. */
		label: z
			.string({ error: expect('a label of at most 30 characters') })
			.min(3)
			.max(30, { error: 'label: at most 30 characters, so it fits beside its marker on the chart' })
			.optional(),
		/** One or two sentences in our neutral words, each supported by the cited paragraphs. */
		summary: z
			.string({ error: expect('one or two sentences in our words') })
			.min(40)
			.max(420),
		/** Lane of the timeline, from src/lib/tracks.ts. */
		track: z.enum(TRACK_IDS, { error: expect(`a track from src/lib/tracks.ts (${TRACK_IDS.join(', ')})`) }),
		/**
		 * True for an event after the as-of date of the sources (SITE_PERIOD.asOf in src/lib/site.ts), such as a
		 * meeting they announce for later: it is later context, not part of the story the sources tell. Required for
		 * such events, and refused on any other.
		 */
		laterContext: z.boolean({ error: expect('true or false') }).default(false),
		/** `happened` (default), or `scheduled` when the sources only announce it and none reports that it took place. */
		status: z.enum(['happened', 'scheduled'], { error: expect('"happened" or "scheduled"') }).default('happened'),
		/** The source paragraphs that support the event: at least one. */
		sources: z
			.array(citation, {
				error: expect('a list of the paragraphs that support the event, e.g. - { article: …, p: p3 }'),
			})
			.min(1, { error: 'sources: cite at least one paragraph that supports the event' }),
		/** People and organisations involved, by id in src/content/people.yaml. */
		people: z.array(refs.person).default([]),
		/** Where the sources disagree about this event: what each says, attributed, and the paragraphs. */
		disagreement: z
			.strictObject(
				{
					/** The disagreement in a sentence or two, naming what each source says. */
					text: z.string({ error: expect('a sentence saying what each source says') }).min(20),
					/** The paragraphs that disagree: at least two. */
					sources: z
						.array(citation)
						.min(2, { error: 'disagreement.sources: cite both sides (two paragraphs or more)' }),
				},
				{ error: unknownKeys(['text', 'sources']) },
			)
			.optional(),
		/** Context the sources do not contain, shown as a marked context note with a verifiable reference. */
		context: z
			.strictObject(
				{
					/** The context, in our words. */
					text: z.string({ error: expect('the context note, in a sentence or two') }).min(20),
					/** A verifiable reference: a treaty, declaration or official statement, by title and date. Never a guessed URL. */
					reference: z.strictObject(
						{
							/** Title of the document, e.g. "Bucharest Summit Declaration". */
							title: z.string({ error: expect('the title of the reference') }).min(5),
							/** Its date, ISO 8601. */
							date: isoDate('the date of the reference, e.g. 2008-04-03'),
						},
						{ error: unknownKeys(['title', 'date']) },
					),
				},
				{ error: unknownKeys(['text', 'reference']) },
			)
			.optional(),
	};

	return z
		.strictObject(fields, { error: unknownKeys(Object.keys(fields)) })
		.superRefine((e, ctx) => {
			const start = parsePartialDate(e.date);
			if ('error' in start) return; // reported on `date` already
			if (e.precision && e.precision !== start.precision)
				ctx.addIssue({
					code: 'custom',
					path: ['precision'],
					message: `precision is "${e.precision}" but date "${e.date}" is given to the ${start.precision}`,
					params: { fix: `leave precision out, or write the date to the ${e.precision}` },
				});
			if (e.end !== undefined) {
				const end = parsePartialDate(e.end);
				if (!('error' in end)) {
					if (endOf(end) <= startOf(start))
						ctx.addIssue({
							code: 'custom',
							path: ['end'],
							message: `end (${e.end}) is before date (${e.date})`,
							params: { fix: 'swap date and end, or correct the one that is wrong' },
						});
					else if (e.end === e.date)
						ctx.addIssue({
							code: 'custom',
							path: ['end'],
							message: `end is the same as date (${e.date})`,
							params: { fix: 'leave end out for an event of a single day' },
						});
				}
				if (e.when === 'reported')
					ctx.addIssue({
						code: 'custom',
						path: ['end'],
						message: 'an event with `when: reported` has only the date of its report',
						params: { fix: 'remove end, or use `when: between` with date and end as the earliest and latest days' },
					});
			} else if (e.when === 'between') {
				ctx.addIssue({
					code: 'custom',
					path: ['end'],
					message: '`when: between` needs an end: the latest day the event can have happened',
					params: { fix: 'add end, or use `when: on` if the sources give the day' },
				});
			}
			if ((e.when !== 'on' || e.approximate) && !e.dateBasis)
				ctx.addIssue({
					code: 'custom',
					path: ['dateBasis'],
					message: 'the date is not stated outright in the sources, so say how it was established',
					params: { fix: 'add dateBasis: the words of the source (e.g. “on Thursday”) and how they fix the date' },
				});
		})
		.transform((e) => {
			const parsed = parsePartialDate(e.date);
			const precision: Precision = e.precision ?? ('error' in parsed ? 'day' : parsed.precision);
			return { ...e, precision };
		});
}
