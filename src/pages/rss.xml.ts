import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { byDate } from '../lib/articles';
import { CORRECTION_LABELS } from '../lib/corrections';
import { SITE } from '../lib/site';

/** The source articles and the corrections log, newest first. */
export async function GET(context: APIContext) {
	const [articles, corrections, explainers, people] = await Promise.all([
		getCollection('articles'),
		getCollection('corrections'),
		getCollection('explainers'),
		getCollection('people'),
	]);
	const titles = new Map<string, string>([
		...articles.map((a) => [`/articles/${a.id}/`, a.data.title] as const),
		...explainers.map((e) => [`/explainers/${e.id}/`, e.data.title] as const),
		...people.map((p) => [`/people/${p.id}/`, p.data.name] as const),
		['/timeline/', 'Timeline'],
	]);
	const items = [
		...articles.sort(byDate).map((a) => ({
			title: a.data.title,
			description: a.data.summary,
			pubDate: a.data.published,
			link: `/articles/${a.id}/`,
		})),
		...corrections.map(({ data: c }) => ({
			title: `Correction: ${titles.get(c.page) ?? c.page}`,
			description: `${CORRECTION_LABELS[c.kind]}. ${c.change} Why: ${c.reason}`,
			pubDate: c.date,
			link: `/corrections/#${c.id}`,
		})),
	].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
	return rss({
		title: `${SITE.name}: source articles and corrections`,
		description: SITE.description,
		site: context.site ?? 'http://localhost:4321',
		items,
		// Links are written as they are meant: pages end in a slash, correction links in a #fragment.
		trailingSlash: false,
		customData: `<language>en-gb</language>`,
	});
}
