/**
 * The corrections log with the titles of the pages it concerns, gathered once per build for the
 * routes that show it (/corrections/, the feeds). A correction naming a page the site does not
 * have stops the build here, with the entry and the fix.
 *
 * When content gets one typed model, only this module needs repointing.
 */
import { getCollection } from 'astro:content';
import { byDate } from '../lib/articles';
import { unknownPages, type CorrectionEntry } from '../lib/corrections';
import { ContentError } from '../lib/problems';

export const CORRECTIONS_FILE = 'src/content/corrections.yaml';

export interface CorrectionLog {
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
	const entries = log.map((c) => c.data);
	const problems = unknownPages(entries, titles, CORRECTIONS_FILE);
	if (problems.length) throw new ContentError(problems);
	return { entries, titles };
}
