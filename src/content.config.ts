/**
 * The five collections. Their loaders share one content model (src/model), which reads and parses
 * every content file once per build and runs every content check; each collection's schema is
 * the authors' schema (src/schemas) plus the facts the model adds (paragraphs, citations,
 * backlinks, mentions), so pages never parse content again.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import type { Backlink } from './lib/backlinks';
import type { NumberedCitation } from './lib/explainer-citations';
import type { ArticleParagraph } from './lib/paragraphs';
import { contentLoader } from './loaders/content';
import type { ExplainerModel, PersonModel } from './model/build';
import { articleSchema } from './schemas/articles';
import { correctionSchema } from './schemas/corrections';
import { eventSchema } from './schemas/events';
import { explainerSchema } from './schemas/explainers';
import { personSchema } from './schemas/people';

/** A fact the content model worked out: typed for pages, not validated again. */
const derived = <T>() => z.custom<T>(() => true);

const articles = defineCollection({
	loader: contentLoader('articles'),
	schema: articleSchema({ person: reference('people'), article: reference('articles') }).extend({
		/** The paragraphs, `p1`…, with their plain text and the blockquote each sits in: the article page renders these. */
		paragraphs: derived<ArticleParagraph[]>(),
		/** Where explainers cite each paragraph, by paragraph id. */
		backlinks: derived<Record<string, Backlink[]>>(),
	}),
});

const people = defineCollection({
	loader: contentLoader('people'),
	schema: personSchema.extend({
		/** Source paragraphs that name them (by name or alias), in article date order. */
		mentions: derived<PersonModel['mentions']>(),
		/** Where explainers name them with <Person>. */
		explainers: derived<PersonModel['explainers']>(),
	}),
});

const explainers = defineCollection({
	loader: contentLoader('explainers'),
	schema: explainerSchema.extend({
		/** Its sections (## headings), with their anchors. */
		sections: derived<ExplainerModel['sections']>(),
		/** Its paragraphs, `<section>-<n>`, with their plain text. */
		paragraphs: derived<ExplainerModel['paragraphs']>(),
		/** Its citations, one per number, resolved to the cited paragraph. */
		citations: derived<NumberedCitation[]>(),
		/** Ids of the articles it cites, in order of first citation. */
		articles: derived<string[]>(),
		/** Ids of the people it names with <Person>. */
		people: derived<string[]>(),
	}),
});

const events = defineCollection({
	loader: contentLoader('events'),
	schema: eventSchema({ person: reference('people') }),
});

/** The public corrections log: every change to the meaning of what the site says (src/content/corrections.yaml). */
const corrections = defineCollection({
	loader: contentLoader('corrections'),
	schema: correctionSchema.extend({
		/** Its place in the file, which follows each page from top to bottom: the order of the log. */
		position: derived<number>(),
	}),
});

export const collections = { articles, explainers, people, events, corrections };
