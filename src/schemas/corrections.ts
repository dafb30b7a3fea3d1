import { z } from 'astro/zod';
import { calendarDay } from './dates';
import { expect, unknownKeys } from './messages';

/** What kind of change a correction records; the label a reader sees is in src/lib/corrections.ts. */
export const CORRECTION_KINDS = ['wording', 'date', 'note', 'context'] as const;

// A letter first: an id such as `2026-12-x` is valid HTML but not a CSS selector (`#2026…`), which scripts use.
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Pages a correction can concern: an explainer, a source article, a person or organisation, or the timeline. */
const PAGE = /^\/(?:(?:explainers|articles|people)\/[a-z0-9]+(?:-[a-z0-9]+)*\/|timeline\/)$/;

const fields = {
	/** Stable id, kebab-case, starting with a letter: the correction's own permalink, /corrections/#id. Never change a published one. */
	id: z
		.string({ error: expect('a kebab-case id starting with a letter, such as "osce-only-scheduled"') })
		.regex(KEBAB, { error: expect('a kebab-case id starting with a letter, such as "osce-only-scheduled"') }),
	/** The day the change was published, ISO 8601. */
	date: calendarDay(),
	/** The page concerned, as a root-relative path with its trailing slash: /explainers/what-nato-is/, /timeline/. */
	page: z
		.string({ error: expect('a site path such as "/explainers/what-nato-is/" or "/timeline/"') })
		.regex(PAGE, { error: expect('a site path such as "/explainers/what-nato-is/" or "/timeline/"') }),
	/** The id of the paragraph, note or event changed on that page (without #): the link check makes sure it exists. */
	anchor: z
		.string({ error: expect('the id of the changed paragraph, note or event, such as "p6-note-1"') })
		.regex(/^[A-Za-z][\w-]*$/, { error: expect('an element id such as "p6-note-1" (no #)') }),
	/**
	 * `wording`: the meaning of a published sentence of ours changed. `date`: a source's date, or an
	 * event's, changed. `note`: an editor's note was added or changed. `context`: a context note was added or changed.
	 */
	kind: z.enum(CORRECTION_KINDS, { error: expect(`one of ${CORRECTION_KINDS.join(', ')}`) }),
	/** What changed, in a sentence or two: what it said, what it says now. */
	change: z.string({ error: expect('a sentence saying what changed') }).min(20),
	/** Why: the evidence, naming the source paragraph or the reference. */
	reason: z.string({ error: expect('a sentence saying why, and on what evidence') }).min(20),
};

/** One entry of src/content/corrections.yaml: the public record of a change to what the site says. */
export const correctionSchema = z.strictObject(fields, { error: unknownKeys(Object.keys(fields)) });
