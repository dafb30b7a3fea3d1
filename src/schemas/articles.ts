import { z } from 'astro/zod';
import { PARAGRAPH_ID } from '../lib/paragraphs';
import { TOPIC_IDS } from '../lib/topics';
import { calendarDay } from './dates';
import { expect, unknownKeys } from './messages';

const paragraphRef = z
	.string({ error: expect('a paragraph id such as "p3"') })
	.regex(PARAGRAPH_ID, { error: expect('a paragraph id such as "p3"') });

/** Frontmatter of a source article. `refs` are Astro's `reference()` validators, or stand-ins in tests. */
export function articleSchema<Person extends z.ZodType, Article extends z.ZodType>(refs: {
	person: Person;
	article: Article;
}) {
	const seeAlso = z.strictObject({
		/** The other article. */
		article: refs.article,
		/** The paragraph of it that bears on this note. */
		paragraph: paragraphRef,
	});

	const note = z.strictObject(
		{
			/** Id of the paragraph the note sits beside, e.g. "p4". */
			paragraph: paragraphRef,
			/** What kind of problem: a factual correction, a typo, a garbled translation, a disagreement between sources, or a fact changed since. */
			kind: z.enum(['correction', 'typo', 'translation', 'disagreement', 'update'], {
				error: expect('one of correction, typo, translation, disagreement, update'),
			}),
			/** The exact words of the paragraph the note is about; the build checks they are there. */
			quote: z.string({ error: expect('the exact words of the paragraph the note concerns') }).min(3),
			/** What is right, in a sentence or two. */
			correction: z.string({ error: expect('a sentence saying what is right') }).min(10),
			/** How we know: the reference or reasoning behind the correction. */
			basis: z.string({ error: expect('a sentence saying how we know') }).min(10),
			/** Other source paragraphs that bear on the note (for disagreements, the other account). */
			see: z.array(seeAlso).default([]),
		},
		{ error: unknownKeys(['paragraph', 'kind', 'quote', 'correction', 'basis', 'see']) },
	);

	const removed = z.strictObject({
		/** The removed line, exactly as it stands in the raw source file. */
		text: z.string({ error: expect('the removed line, copied exactly from the source file') }).min(1),
		/** Why it is page furniture rather than article text. */
		reason: z.string({ error: expect('a short reason the line is page furniture') }).min(3),
	});

	const fields = {
		/** Headline as published; or our own title when the source has none (see `titleFromSource`). */
		title: z
			.string({ error: expect('the headline, as text') })
			.min(5, { error: 'title is too short: give the full headline' }),
		/** True when the title is the source's own headline; false when the source had none and the title is ours. */
		titleFromSource: z.boolean({ error: expect('true or false') }),
		/** One sentence, in our words, saying what the article reports. */
		summary: z
			.string({ error: expect('a one-sentence summary') })
			.min(30)
			.max(320),
		/** Publication date established from the text's own evidence (ISO 8601, e.g. 2022-01-10). */
		published: calendarDay(),
		/** True when the evidence fixes the date only to within a day or two. */
		dateApproximate: z.boolean({ error: expect('true or false') }).default(false),
		/** The evidence for `published`, in a sentence or two. */
		dateEvidence: z.string({ error: expect('a sentence giving the evidence for the date') }).min(20),
		/** Publisher, or null when it is not recorded. Never guess. */
		publisher: z.string({ error: expect("the publisher's name, or null when not recorded") }).nullable(),
		/** Agencies, outlets and platforms the text itself credits or quotes. */
		credits: z.array(z.string()).default([]),
		/** True when the text is a translation. */
		translated: z.boolean({ error: expect('true or false') }),
		/** What we can tell about the translation. */
		translationNote: z.string().optional(),
		/** File name of the raw text in shared/sources (copied to public/sources). */
		sourceFile: z
			.string({ error: expect('the raw file name, e.g. 000_fd86d05732a4508f.txt') })
			.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: expect('the raw file name, e.g. 000_fd86d05732a4508f.txt') }),
		/** Topics, from src/lib/topics.ts. */
		topics: z
			.array(z.enum(TOPIC_IDS, { error: expect(`a topic id from src/lib/topics.ts (${TOPIC_IDS.join(', ')})`) }))
			.min(1, { error: 'topics: give at least one topic' }),
		/** People and organisations the article names, by id in src/content/people.yaml. */
		people: z.array(refs.person).default([]),
		/** Page furniture removed from the raw text, so the removal is on record. */
		removed: z.array(removed).default([]),
		/** Editor's notes, each beside the paragraph it concerns. */
		notes: z.array(note).default([]),
	};

	return z.strictObject(fields, { error: unknownKeys(Object.keys(fields)) });
}
