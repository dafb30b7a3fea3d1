import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { feedItems } from '../data/feed';
import { SITE } from '../lib/site';

export async function GET(context: APIContext) {
	return rss({
		title: `${SITE.name}: explainers and source articles`,
		description: SITE.description,
		site: context.site ?? 'http://localhost:4321',
		items: (await feedItems()).map((item) => ({
			title: item.title,
			description: item.summary,
			// Explainers have no recorded date; RSS allows an item without one.
			...(item.date && { pubDate: item.date }),
			link: item.link,
			categories: [item.kind === 'explainer' ? 'Explainer' : 'Source article'],
		})),
		customData: `<language>en-gb</language>`,
	});
}
