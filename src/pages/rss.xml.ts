import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { byDate } from '../lib/articles';
import { SITE } from '../lib/site';

export async function GET(context: APIContext) {
	const articles = (await getCollection('articles')).sort(byDate).reverse();
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
