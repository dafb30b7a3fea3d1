/**
 * What the feeds (rss.xml, feed.json) list: the corrections log, newest first (a subscriber learns
 * of a correction as of a new item), then the explainers, in reading order, then the source articles,
 * newest first. Explainers carry no date in their data, so their items have none: a date would have
 * to be invented.
 */
import { CORRECTION_LABELS } from '../lib/corrections';
import { correctionLog } from './corrections';
import { getSite } from './site';

export interface FeedItem {
	title: string;
	summary: string;
	/** Site path. */
	link: string;
	/** Publication day, when the content records one. */
	date?: Date | undefined;
	kind: 'correction' | 'explainer' | 'article';
}

/** The category (RSS) or tag (JSON Feed) of each kind of item. */
export const FEED_CATEGORY: Record<FeedItem['kind'], string> = {
	correction: 'Correction',
	explainer: 'Explainer',
	article: 'Source article',
};

export async function feedItems(): Promise<FeedItem[]> {
	const site = await getSite();
	const explainers = site.explainers;
	const articles = [...site.articles].reverse();
	const { entries, titles } = await correctionLog();
	return [
		// Stable sort: corrections of one day keep the order of the log (page by page, top to bottom).
		...[...entries]
			.sort((a, b) => b.date.getTime() - a.date.getTime())
			.map((c) => ({
				title: `Correction: ${titles.get(c.page) ?? c.page}`,
				summary: `${CORRECTION_LABELS[c.kind]}. ${c.change} Why: ${c.reason}`,
				link: `/corrections/#${c.id}`,
				date: c.date,
				kind: 'correction' as const,
			})),
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
