/** The same items as rss.xml, as a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
import type { APIContext } from 'astro';
import { feedItems } from '../data/feed';
import { SITE } from '../lib/site';

export async function GET({ site }: APIContext) {
	const url = (path: string) => new URL(path, site).href;
	const feed = {
		version: 'https://jsonfeed.org/version/1.1',
		title: `${SITE.name}: explainers and source articles`,
		description: SITE.description,
		home_page_url: url('/'),
		feed_url: url('/feed.json'),
		language: 'en-GB',
		items: (await feedItems()).map((item) => ({
			id: url(item.link),
			url: url(item.link),
			title: item.title,
			summary: item.summary,
			content_text: item.summary,
			...(item.date && { date_published: item.date.toISOString() }),
			tags: [item.kind === 'explainer' ? 'Explainer' : 'Source article'],
		})),
	};
	return new Response(JSON.stringify(feed, null, '\t'), {
		headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
	});
}
