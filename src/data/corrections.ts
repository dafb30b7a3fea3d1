/**
 * The corrections log with the titles of the pages it concerns, gathered once per build for the
 * routes that show it (/corrections/, the feeds). A correction naming a page the site does not
 * have stops the build here, with the entry and the fix.
 *
 * When content gets one typed model, only this module needs repointing.
 */
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { parse as parseYaml } from 'yaml';
import { byDate } from '../lib/articles';
import { unknownPages, type CorrectionEntry } from '../lib/corrections';
import { ContentError } from '../lib/problems';

export const CORRECTIONS_FILE = 'src/content/corrections.yaml';

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
	// The collection comes back sorted by id; the log's own order (each page from top to bottom) is
	// the file's. TODO(model): take the order from the content model once it reads this file.
	const order = (parseYaml(readFileSync(CORRECTIONS_FILE, 'utf8')) as { id: string }[]).map((c) => c.id);
	const entries = log.map((c) => c.data).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
	const problems = unknownPages(entries, titles, CORRECTIONS_FILE);
	if (problems.length) throw new ContentError(problems);
	return { entries, titles };
}
