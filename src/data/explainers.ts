/** Collection data shared by the explainer page and its passages.json, read once per build. */
import { getCollection } from 'astro:content';
import { articleDate } from '../lib/article-dates';
import { indexParagraphs } from '../lib/citations';
import { numberedCitations } from '../lib/explainer-citations';

export async function explainersWithCitations() {
	const explainers = (await getCollection('explainers')).sort((a, b) => a.data.order - b.data.order);
	const articles = await getCollection('articles');
	const index = indexParagraphs(articles.map((a) => ({ id: a.id, title: a.data.title, body: a.body ?? '' })));
	const dates = Object.fromEntries(articles.map((a) => [a.id, articleDate(a.data)]));
	return explainers.map((explainer) => ({
		explainer,
		citations: numberedCitations(explainer.body ?? '', explainer.filePath ?? explainer.id, index, dates),
	}));
}
