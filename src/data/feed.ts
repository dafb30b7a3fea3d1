/**
 * What the feeds (rss.xml, feed.json) list: the explainers, in reading order, then the source
 * articles, newest first. Explainers carry no date in their data, so their items have none: a
 * date would have to be invented.
 */
import { getCollection } from 'astro:content';
import { byDate } from '../lib/articles';

export interface FeedItem {
	title: string;
	summary: string;
	/** Site path. */
	link: string;
	/** Publication day, when the content records one. */
	date?: Date | undefined;
	kind: 'explainer' | 'article';
}

export async function feedItems(): Promise<FeedItem[]> {
	const explainers = (await getCollection('explainers')).sort((a, b) => a.data.order - b.data.order);
	const articles = (await getCollection('articles')).sort(byDate).reverse();
	return [
		...explainers.map((e) => ({
			title: e.data.title,
			summary: e.data.description,
			link: `/explainers/${e.id}/`,
			kind: 'explainer' as const,
		})),
		...articles.map((a) => ({
			title: a.data.title,
			summary: a.data.summary,
			link: `/articles/${a.id}/`,
			date: a.data.published,
			kind: 'article' as const,
		})),
	];
}
