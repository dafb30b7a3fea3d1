import { z } from 'astro/zod';
import { expect, unknownKeys } from './messages';

const equivalence = z.strictObject(
	{
		/** Forms that name the same thing, e.g. ["United States", "U.S.", "US"]. One in a cited paragraph grounds the others. */
		terms: z.array(z.string().min(1), { error: expect('a list of two or more forms') }).min(2),
		/** Why they are the same thing. */
		reason: z.string({ error: expect('a sentence saying why these forms are equivalent') }).min(10),
	},
	{ error: unknownKeys(['terms', 'reason']) },
);

const exception = z.strictObject(
	{
		/** The file the sentence is in, as the check reports it: src/content/explainers/what-nato-is.mdx. */
		file: z.string({ error: expect('the file, e.g. "src/content/explainers/what-nato-is.mdx"') }).min(5),
		/** Words of the sentence, enough to single it out. */
		sentence: z.string({ error: expect('some words of the sentence, copied exactly') }).min(10),
		/** The term exactly as the check reports it. */
		term: z.string({ error: expect('the term as the check reports it') }).min(1),
		/** Why the sentence is right although what it cites does not contain the term. */
		reason: z.string({ error: expect('a sentence saying why this is right') }).min(20),
		/** Who reviewed it and when (ISO date), so an exception is never anonymous. */
		reviewed: z.string({ error: expect('who reviewed it and when, e.g. "trust, 2026-12-01"') }).min(5),
	},
	{ error: unknownKeys(['file', 'sentence', 'term', 'reason', 'reviewed']) },
);

/** src/content/grounding.yaml: what the grounding check accepts beyond the cited paragraphs, each with its reason. */
export const groundingFileSchema = z.strictObject(
	{
		equivalences: z.array(equivalence).default([]),
		exceptions: z.array(exception).default([]),
	},
	{ error: unknownKeys(['equivalences', 'exceptions']) },
);
