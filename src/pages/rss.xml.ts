import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_CATEGORY, feedItems } from '../data/feed';
import { SITE } from '../lib/site';

export async function GET(context: APIContext) {
	const site = context.site ?? 'http://localhost:4321';
	return rss({
		title: `${SITE.name}: explainers, source articles and corrections`,
		description: SITE.description,
		site,
		items: (await feedItems()).map((item) => ({
			title: item.title,
			description: item.summary,
			// Explainers have no recorded date; RSS allows an item without one.
			...(item.date && { pubDate: item.date }),
			// Absolute, so @astrojs/rss keeps them as written: its own joining would put a slash after
			// a correction's #fragment, and its `trailingSlash: false` would strip the pages' slashes.
			link: new URL(item.link, site).href,
			categories: [FEED_CATEGORY[item.kind]],
		})),
		customData: `<language>en-gb</language>`,
	});
}
