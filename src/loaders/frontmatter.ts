/**
 * Frontmatter validation for glob() collections, run by the collection's loader in place of
 * letting Astro stop at the first bad entry: every entry is checked, and every problem is
 * reported in the site's one format (file → field: message, Fix). Also reads dates as written,
 * which the YAML parser would otherwise roll over silently (see `yamlDateProblems`).
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { yamlDateProblems } from '../lib/dates';
import { issuesToProblems, type Problem } from '../lib/problems';

/** The YAML between the `---` fences of a Markdown or MDX file. */
export const frontmatterText = (source: string): string =>
	/^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source)?.[1] ?? '';

/**
 * Problems with one entry's frontmatter, reported against its path from `root`. `schema` is the collection schema with plain strings in
 * place of `reference()`, which the loader checks separately against the referenced collection.
 */
export async function frontmatterProblems(
	root: string,
	filePath: string,
	data: unknown,
	schema: z.ZodType,
): Promise<Problem[]> {
	const file = relative(root, resolve(root, filePath));
	const source = await readFile(resolve(root, filePath), 'utf8').catch(() => '');
	const dates: Problem[] = yamlDateProblems(frontmatterText(source)).map((d) => ({
		file,
		field: d.key,
		message: `"${d.value}" (line ${d.line + 1} of the file) is not a real calendar date`,
		fix: 'write the date as YYYY-MM-DD with a real month and day, e.g. 2022-01-10',
	}));
	const parsed = schema.safeParse(data);
	return [...dates, ...(parsed.success ? [] : issuesToProblems(file, parsed.error.issues))];
}

/**
 * Runs a glob() loader with every entry's frontmatter checked by `schema` first. Returns the
 * problems (all of them, not just the first) and keeps no invalid entry in the store: glob()
 * skips unchanged files next time, which would let a bad entry through once another is fixed.
 */
export async function loadWithFrontmatterChecks(
	base: Loader,
	context: LoaderContext,
	schema: z.ZodType,
): Promise<Problem[]> {
	const problems: Problem[] = [];
	const invalid: string[] = [];
	const root = fileURLToPath(context.config.root);
	await base.load({
		...context,
		parseData: async (props) => {
			const found = await frontmatterProblems(root, props.filePath ?? props.id, props.data, schema);
			if (!found.length) return context.parseData(props);
			problems.push(...found);
			invalid.push(props.id);
			return props.data;
		},
	});
	for (const id of invalid) context.store.delete(id);
	return problems;
}
