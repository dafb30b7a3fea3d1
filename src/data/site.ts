/**
 * The content model as pages see it: the four collections from the content store, each in its
 * reading order, and the paragraph index, built once per build (the module is evaluated once and
 * the promise kept, as Starlight keeps its route data). Nothing here parses content: the loaders
 * stored what the model worked out (src/model, src/content.config.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byDate } from '../lib/articles';
import { indexArticles, type ParagraphIndex } from '../lib/citations';
import { compareEvents } from '../lib/events';
import { byOrder } from '../lib/explainers';

export interface Site {
	/** Oldest first. */
	articles: CollectionEntry<'articles'>[];
	/** In reading order. */
	explainers: CollectionEntry<'explainers'>[];
	/** By name. */
	people: CollectionEntry<'people'>[];
	/** In timeline order. */
	events: CollectionEntry<'events'>[];
	/** Paragraph text by article and paragraph id. */
	index: ParagraphIndex;
	/** Article titles by id. */
	titles: Record<string, string>;
	/** People by id. */
	person: ReadonlyMap<string, CollectionEntry<'people'>>;
}

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
	const [articles, explainers, people, events] = await Promise.all([
		getCollection('articles'),
		getCollection('explainers'),
		getCollection('people'),
		getCollection('events'),
	]);
	articles.sort(byDate);
	explainers.sort(byOrder);
	people.sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
	events.sort((a, b) => compareEvents(a.data, b.data));
	return {
		articles,
		explainers,
		people,
		events,
		index: indexArticles(articles.map((a) => ({ id: a.id, title: a.data.title, paragraphs: a.data.paragraphs }))),
		titles: Object.fromEntries(articles.map((a) => [a.id, a.data.title])),
		person: new Map(people.map((p) => [p.id, p])),
	};
}

/** The site's content, loaded once. */
export const getSite = (): Promise<Site> => (site ??= load());
