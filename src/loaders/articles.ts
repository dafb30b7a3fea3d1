import { readFile } from 'node:fs/promises';
import { glob, type Loader } from 'astro/loaders';
import { checkArticles, type ArticleInput } from '../lib/article-checks';
import { ContentError, type Problem } from '../lib/problems';

type ArticleData = ArticleInput['data'] & { sourceFile: string };

/**
 * `glob()` for the article MDX, followed by the checks zod cannot make alone (notes against
 * paragraphs, cross-references, verbatim text). Any problem stops the build.
 */
export function articlesLoader(): Loader {
	const base = glob({ pattern: '*.mdx', base: './src/content/articles' });
	return {
		name: 'articles-loader',
		load: async (context) => {
			await base.load(context);
			const problems: Problem[] = [];
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
			problems.push(...checkArticles(inputs));
			if (problems.length) throw new ContentError(problems);
		},
	};
}
