import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from '../data/site';
import { SITE } from '../lib/site';

export async function GET(context: APIContext) {
	const articles = [...(await getSite()).articles].reverse();
	return rss({
		title: `${SITE.name}: source articles`,
		description: SITE.description,
		site: context.site ?? 'http://localhost:4321',
		items: articles.map((a) => ({
			title: a.data.title,
			description: a.data.summary,
			pubDate: a.data.published,
			link: `/articles/${a.id}/`,
		})),
		customData: `<language>en-gb</language>`,
	});
}
