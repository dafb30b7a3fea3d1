import type { z } from 'astro/zod';

/**
 * Zod error maps that speak to authors. Each says what the field must hold; Astro adds the
 * entry and the field path, and `formatProblems` adds the file.
 */
export const expect =
	(what: string): z.core.$ZodErrorMap =>
	(issue) =>
		issue.input === undefined ? `required: ${what}` : `${what} (got ${JSON.stringify(issue.input)})`;

export const unknownKeys =
	(allowed: readonly string[]): z.core.$ZodErrorMap =>
	(issue) =>
		issue.code === 'unrecognized_keys'
			? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it or fix its spelling (allowed: ${allowed.join(', ')})`
			: undefined;
