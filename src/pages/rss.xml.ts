import rss from '@astrojs/rss';
import { pageUrl } from '../data/location';
import { feedItems } from '../data/feed';
import { SITE } from '../lib/site';

export async function GET() {
	return rss({
		title: `${SITE.name}: explainers and source articles`,
		description: SITE.description,
		site: pageUrl('/'),
		items: (await feedItems()).map((item) => ({
			title: item.title,
			description: item.summary,
			// Explainers have no recorded date; RSS allows an item without one.
			...(item.date && { pubDate: item.date }),
			link: pageUrl(item.link),
			categories: [item.kind === 'explainer' ? 'Explainer' : 'Source article'],
		})),
		customData: `<language>en-gb</language>`,
	});
}
