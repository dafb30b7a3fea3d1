/**
 * The corrections log with the titles of the pages it concerns, gathered once per build for the
 * routes that show it (/corrections/, the feeds). The content model has checked every entry (its
 * page, its anchor, its id), so this only puts it in order and names the pages.
 */
import { getCollection } from 'astro:content';
import { byDate } from '../lib/articles';
import type { CorrectionEntry } from '../lib/corrections';

export interface CorrectionLog {
	/** In the order of the file, which follows each page from top to bottom. */
	entries: CorrectionEntry[];
	/** Every page a correction may concern, in the site's reading order, with its title. */
	titles: Map<string, string>;
}

let cached: Promise<CorrectionLog> | undefined;

export function correctionLog(): Promise<CorrectionLog> {
	return (cached ??= gather());
}

async function gather(): Promise<CorrectionLog> {
	const [explainers, articles, people, log] = await Promise.all([
		getCollection('explainers'),
		getCollection('articles'),
		getCollection('people'),
		getCollection('corrections'),
	]);
	const titles = new Map<string, string>([
		...explainers
			.sort((a, b) => a.data.order - b.data.order)
			.map((e) => [`/explainers/${e.id}/`, e.data.title] as const),
		...articles.sort(byDate).map((a) => [`/articles/${a.id}/`, a.data.title] as const),
		['/timeline/', 'Timeline'],
		...people.map((p) => [`/people/${p.id}/`, p.data.name] as const),
	]);
	// The collection comes back sorted by id; the log's own order (each page from top to bottom) is the file's.
	const entries = log.map((c) => c.data).sort((a, b) => a.position - b.position);
	return { entries, titles };
}
