import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_CATEGORY, feedItems } from '../data/feed';
import { SITE } from '../lib/site';

export async function GET(context: APIContext) {
	return rss({
		title: `${SITE.name}: explainers, source articles and corrections`,
		description: SITE.description,
		site: context.site ?? 'http://localhost:4321',
		items: (await feedItems()).map((item) => ({
			title: item.title,
			description: item.summary,
			// Explainers have no recorded date; RSS allows an item without one.
			...(item.date && { pubDate: item.date }),
			link: item.link,
			categories: [FEED_CATEGORY[item.kind]],
		})),
		// Links are written as they are meant: pages end in a slash, correction links in a #fragment
		// (the default would append a slash after the fragment).
		trailingSlash: false,
		customData: `<language>en-gb</language>`,
	});
}
