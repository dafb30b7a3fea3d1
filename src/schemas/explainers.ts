import { z } from 'astro/zod';
import { expect, unknownKeys } from './messages';

const fields = {
	/** The question or subject, as a reader would put it: "What NATO is". */
	title: z.string({ error: expect('a title') }).min(5),
	/** A short form of the title for tight places such as "Cited in" lines: "Russia’s demands". */
	shortTitle: z
		.string({ error: expect('a short title of at most 40 characters, such as "Russia’s demands"') })
		.min(3)
		.max(40)
		.optional(),
	/** One or two sentences: what the explainer answers. Used as the page description. */
	description: z
		.string({ error: expect('a one- or two-sentence description') })
		.min(40)
		.max(300),
	/** Position in the reading order (1 is read first). */
	order: z
		.number({ error: expect('a whole number, 1 for the first explainer') })
		.int()
		.min(1),
};

/** Frontmatter of an explainer. The body carries its own citations, checked at build time. */
export const explainerSchema = z.strictObject(fields, { error: unknownKeys(Object.keys(fields)) });
