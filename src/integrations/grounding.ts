/**
 * Runs the grounding check (src/lib/grounding.ts) over every explainer and every event, once per
 * `astro build`, `astro sync` or `astro dev`. It logs how many sentences it checked; in a build,
 * any unreviewed failure stops it before a page is rendered, with the file, the line, the term
 * and the paragraph it was checked against. Elsewhere failures are logged, not thrown, so a
 * half-written sentence does not stop the dev server.
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { parse as parseYaml } from 'yaml';
import {
	checkGrounding,
	groundingProblems,
	groundingSummary,
	type GroundingInput,
	type GroundingReport,
} from '../lib/grounding';
import { isoDate } from '../lib/dates';
import { ContentError, formatProblems, issuesToProblems, type Problem } from '../lib/problems';
import type { ContentModel } from '../model/build';
import { loadContentModel } from '../model/read';
import { groundingFileSchema } from '../schemas/grounding';

export const GROUNDING_FILE = 'src/content/grounding.yaml';

/** The check's plain input, from the content model and the reviewed equivalences and exceptions. */
export function groundingInput(
	model: ContentModel,
	grounding: unknown,
): { input: GroundingInput; problems: Problem[] } {
	const articles = new Map(
		model.articles.map((a) => [
			a.id,
			{
				published: isoDate(a.data.published),
				approximate: a.data.dateApproximate,
				paragraphs: new Map(a.paragraphs.map((p) => [p.id, p.text])),
				notes: a.data.notes.map((n) => ({ paragraph: n.paragraph, text: [n.quote, n.correction, n.basis].join(' ') })),
			},
		]),
	);
	const glossary = model.people.map(({ data: p }) => ({
		id: p.id,
		// "North Atlantic Treaty Organization (NATO)" names it both ways.
		names: [p.name, ...p.name.split(/\s*[()]\s*/).filter(Boolean), ...p.aliases],
		role: p.role,
	}));
	const base = { claims: model.claims, articles, glossary };
	const parsed = groundingFileSchema.safeParse(grounding ?? {});
	if (!parsed.success) return { input: base, problems: issuesToProblems(GROUNDING_FILE, parsed.error.issues) };
	return { input: { ...base, ...parsed.data }, problems: [] };
}

/**
 * The check over the content under `root`: its report, and every problem to stop the build with.
 * It reads the content model the loaders read (one parse of each file for both). A model with
 * problems is not checked: the loaders stop the build with those, each in its own words, and a
 * broken article would only show up here again as sentences its citations no longer support.
 */
export async function runGrounding(root: URL): Promise<{ report: GroundingReport | undefined; problems: Problem[] }> {
	const { model, problems: modelProblems } = await loadContentModel(root);
	if (modelProblems.length) return { report: undefined, problems: [] };
	const { input, problems } = groundingInput(model, parseYaml(readFileSync(new URL(GROUNDING_FILE, root), 'utf8')));
	if (problems.length) return { report: undefined, problems };
	const report = checkGrounding(input);
	return { report, problems: groundingProblems(report, input, GROUNDING_FILE) };
}

export function grounding(): AstroIntegration {
	let command = 'build';
	let found: Problem[] = [];
	return {
		name: 'grounding',
		hooks: {
			'astro:config:setup': (options) => {
				command = options.command;
			},
			// The check runs (and logs its count) as soon as the config is done, but stops a build only
			// at `astro:build:start`: by then the content loaders have checked the articles, citations
			// and schemas, so a broken article is reported as such, not as the grounding failures it causes.
			'astro:config:done': async ({ config, logger }) => {
				if (command === 'preview') return;
				const { report, problems } = await runGrounding(config.root);
				found = problems;
				if (report) logger.info(groundingSummary(report));
				if (problems.length && command !== 'build') logger.error(formatProblems(problems, 'grounding problem'));
			},
			'astro:build:start': () => {
				if (found.length) throw new ContentError(found, 'grounding problem');
			},
		},
	};
}
