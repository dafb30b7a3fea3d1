import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { checkArticles, type ArticleInput } from './lib/article-checks';
import { frontmatterProblems } from './loaders/frontmatter';
import { ContentError, type Problem } from './lib/problems';
import { articleSchema } from './schemas/articles';
import { personSchema } from './schemas/people';

type ArticleData = ArticleInput['data'] & { sourceFile: string };

/** Ids of the entries in a YAML list file such as src/content/people.yaml. */
async function yamlIds(path: string): Promise<Set<string>> {
	const list = parseYaml(await readFile(new URL(path, import.meta.url), 'utf8')) as unknown;
	return new Set(Array.isArray(list) ? list.map((item) => String((item as { id?: unknown }).id)) : []);
}

/**
 * `glob()` for the article MDX, with every entry's frontmatter checked first (all problems at
 * once, dates as written), then the checks zod cannot make alone: notes against paragraphs,
 * references to people and other articles, verbatim text. Any problem stops the build.
 */
function articlesLoader(): Loader {
	const base = glob({ pattern: '*.mdx', base: './src/content/articles' });
	const plainSchema = articleSchema({ person: z.string(), article: z.string() });
	return {
		name: 'articles-loader',
		load: async (context) => {
			const problems: Problem[] = [];
			const invalid: string[] = [];
			await base.load({
				...context,
				parseData: async (props) => {
					const root = fileURLToPath(context.config.root);
					const found = await frontmatterProblems(root, props.filePath ?? props.id, props.data, plainSchema);
					if (!found.length) return context.parseData(props);
					problems.push(...found);
					invalid.push(props.id);
					return props.data;
				},
			});
			// Keep no invalid entry in the store: glob() skips unchanged files next time, which would
			// let a bad entry through once another file is fixed.
			for (const id of invalid) context.store.delete(id);
			if (problems.length) throw new ContentError(problems);

			const inputs = await Promise.all(
				[...context.store.values()].map(async (entry): Promise<ArticleInput> => {
					const data = entry.data as unknown as ArticleData;
					const file = entry.filePath ?? entry.id;
					const rawPath = new URL(`../public/sources/${data.sourceFile}`, import.meta.url);
					const raw = await readFile(rawPath, 'utf8').catch(() => {
						problems.push({
							file,
							field: 'sourceFile',
							message: `public/sources/${data.sourceFile} does not exist`,
							fix: 'copy the raw text from shared/sources into public/sources, or correct the file name',
						});
						return undefined;
					});
					return { id: entry.id, file, body: entry.body ?? '', data, raw };
				}),
			);
			problems.push(...checkArticles(inputs, { people: await yamlIds('./content/people.yaml') }));
			if (problems.length) throw new ContentError(problems);
		},
	};
}

const articles = defineCollection({
	loader: articlesLoader(),
	schema: articleSchema({ person: reference('people'), article: reference('articles') }),
});

const people = defineCollection({
	loader: file('src/content/people.yaml'),
	schema: personSchema,
});

export const collections = { articles, people };
