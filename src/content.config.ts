import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { articlesLoader } from './loaders/articles';
import { explainersLoader } from './loaders/explainers';
import { articleSchema } from './schemas/articles';
import { correctionSchema } from './schemas/corrections';
import { eventsLoader } from './loaders/events';
import { eventSchema } from './schemas/events';
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

const eventData = eventSchema({ person: reference('people') });

const events = defineCollection({
	loader: eventsLoader(eventData),
	schema: eventData,
});

/** The public corrections log: every change to the meaning of what the site says (src/content/corrections.yaml). */
const corrections = defineCollection({
	loader: file('src/content/corrections.yaml'),
	schema: correctionSchema,
});

export const collections = { articles, explainers, people, events, corrections };
