import { readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { glob, type Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { checkArticles, type ArticleInput } from '../lib/article-checks';
import { ContentError } from '../lib/problems';
import { articleSchema } from '../schemas/articles';
import { loadWithFrontmatterChecks } from './frontmatter';

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
export function articlesLoader(): Loader {
	const base = glob({ pattern: '*.mdx', base: './src/content/articles' });
	const plainSchema = articleSchema({ person: z.string(), article: z.string() });
	return {
		name: 'articles-loader',
		load: async (context) => {
			const problems = await loadWithFrontmatterChecks(base, context, plainSchema);
			if (problems.length) throw new ContentError(problems);

			const inputs = await Promise.all(
				[...context.store.values()].map(async (entry): Promise<ArticleInput> => {
					const data = entry.data as unknown as ArticleData;
					const file = entry.filePath ?? entry.id;
					const rawPath = new URL(`../../public/sources/${data.sourceFile}`, import.meta.url);
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
			problems.push(...checkArticles(inputs, { people: await yamlIds('../content/people.yaml') }));
			if (problems.length) throw new ContentError(problems);
		},
	};
}
