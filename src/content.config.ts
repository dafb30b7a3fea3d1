import { readFile } from 'node:fs/promises';
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { checkArticles, type ArticleInput } from './lib/article-checks';
import { ContentError, type Problem } from './lib/problems';
import { eventsLoader } from './loaders/events';
import { articleSchema } from './schemas/articles';
import { eventSchema } from './schemas/events';
import { personSchema } from './schemas/people';

type ArticleData = ArticleInput['data'] & { sourceFile: string };

/**
 * `glob()` for the article MDX, followed by the checks zod cannot make alone (notes against
 * paragraphs, cross-references, verbatim text). Any problem stops the build.
 */
function articlesLoader(): Loader {
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
			problems.push(...checkArticles(inputs));
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

const eventData = eventSchema({ person: reference('people') });

const events = defineCollection({
	loader: eventsLoader(eventData),
	schema: eventData,
});

export const collections = { articles, people, events };
