import { z } from 'astro/zod';
import { KEBAB_ID } from '../lib/ids';
import { expect, unknownKeys } from './messages';

const fields = {
	/** Stable id, kebab-case: used in URLs (/people/<id>/) and in references. */
	id: z
		.string({ error: expect('a kebab-case id such as "jens-stoltenberg"') })
		.regex(KEBAB_ID, { error: expect('a kebab-case id such as "jens-stoltenberg"') }),
	/** Name as we write it (correct spelling). */
	name: z.string({ error: expect('the name, correctly spelt') }).min(2),
	/** Person or organisation. */
	kind: z.enum(['person', 'organisation'], { error: expect('"person" or "organisation"') }),
	/** Role at the time of the story (January–March 2022). */
	role: z.string({ error: expect('their role at the time, e.g. "Secretary General of NATO"') }).min(3),
	/** One line saying why they matter to this story. */
	description: z
		.string({ error: expect('a one-line description') })
		.min(10)
		.max(240),
	/** Other spellings in the sources, misspellings included, used to find mentions. */
	aliases: z.array(z.string().min(2)).default([]),
};

/** One person or organisation in src/content/people.yaml. */
export const personSchema = z.strictObject(fields, { error: unknownKeys(Object.keys(fields)) });
