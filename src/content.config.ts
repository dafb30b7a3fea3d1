import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { articlesLoader } from './loaders/articles';
import { explainersLoader } from './loaders/explainers';
import { articleSchema } from './schemas/articles';
import { explainerSchema } from './schemas/explainers';
import { personSchema } from './schemas/people';

const articles = defineCollection({
	loader: articlesLoader(),
	schema: articleSchema({ person: reference('people'), article: reference('articles') }),
});

const people = defineCollection({
	loader: file('src/content/people.yaml'),
	schema: personSchema,
});

const explainers = defineCollection({
	loader: explainersLoader(),
	schema: explainerSchema,
});

export const collections = { articles, explainers, people };
