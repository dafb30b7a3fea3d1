import rss from '@astrojs/rss';
import { FEED_CATEGORY, feedItems } from '../data/feed';
import { pageUrl } from '../data/location';
import { SITE } from '../lib/site';

export async function GET() {
	return rss({
		title: `${SITE.name}: explainers, source articles and corrections`,
		description: SITE.description,
		site: pageUrl('/'),
		items: (await feedItems()).map((item) => ({
			title: item.title,
			description: item.summary,
			// Explainers have no recorded date; RSS allows an item without one.
			...(item.date && { pubDate: item.date }),
			// Absolute, so @astrojs/rss keeps them as written: its own joining would put a slash after
			// a correction's #fragment, and its `trailingSlash: false` would strip the pages' slashes.
			link: pageUrl(item.link),
			categories: [FEED_CATEGORY[item.kind]],
		})),
		customData: `<language>en-gb</language>`,
	});
}
