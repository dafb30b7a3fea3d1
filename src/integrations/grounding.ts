/**
 * Runs the grounding check (src/lib/grounding.ts) over every explainer and every event, once per
 * `astro build`, `astro sync` or `astro dev`. It logs how many sentences it checked; in a build,
 * any unreviewed failure stops it before a page is rendered, with the file, the line, the term
 * and the paragraph it was checked against. Elsewhere failures are logged, not thrown, so a
 * half-written sentence does not stop the dev server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { parse as parseYaml } from 'yaml';
import {
	checkGrounding,
	groundingProblems,
	groundingSummary,
	type GroundingArticle,
	type GroundingInput,
	type GroundingReport,
} from '../lib/grounding';
import { eventClaims, explainerClaims } from '../lib/grounding-claims';
import { parseMdx } from '../lib/mdx';
import { paragraphsOf } from '../lib/paragraphs';
import { ContentError, formatProblems, issuesToProblems, type Problem } from '../lib/problems';
import { groundingFileSchema } from '../schemas/grounding';

export const GROUNDING_FILE = 'src/content/grounding.yaml';
const EXPLAINERS = 'src/content/explainers';
const ARTICLES = 'src/content/articles';
const EVENTS = 'src/content/events.yaml';
const PEOPLE = 'src/content/people.yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
/** A YAML scalar as text; anything else (a malformed field) as nothing, for the schema to report. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

interface ArticleFrontmatter {
	published?: unknown;
	dateApproximate?: unknown;
	notes?: { paragraph?: unknown; quote?: unknown; correction?: unknown; basis?: unknown }[];
}

/** Reads the content under `root` into the check's plain input. Malformed files are left to the loaders to report. */
export function groundingInput(root: URL): { input: GroundingInput; problems: Problem[] } {
	const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
	const list = (dir: string) =>
		readdirSync(new URL(`${dir}/`, root))
			.filter((f) => f.endsWith('.mdx'))
			.sort();

	const articles = new Map<string, GroundingArticle>();
	for (const f of list(ARTICLES)) {
		const [, fm = '', body = ''] = FRONTMATTER.exec(read(`${ARTICLES}/${f}`)) ?? [];
		try {
			const data = (parseYaml(fm) ?? {}) as ArticleFrontmatter;
			articles.set(f.replace(/\.mdx$/, ''), {
				published: text(data.published),
				approximate: data.dateApproximate === true,
				paragraphs: new Map(paragraphsOf(parseMdx(body, `${ARTICLES}/${f}`, 'grounding')).map((p) => [p.id, p.text])),
				notes: (data.notes ?? []).map((n) => ({
					paragraph: text(n.paragraph),
					text: [n.quote, n.correction, n.basis].filter((t) => typeof t === 'string').join(' '),
				})),
			});
		} catch {
			// An unreadable article stops the build in the articles loader, with its own message.
		}
	}

	const claims = list(EXPLAINERS).flatMap((f) => {
		const source = read(`${EXPLAINERS}/${f}`);
		const [, , body = ''] = FRONTMATTER.exec(source) ?? [];
		const offset = source.slice(0, source.length - body.length).split('\n').length - 1;
		return explainerClaims(`${EXPLAINERS}/${f}`, body, offset);
	});
	claims.push(...eventClaims(EVENTS, read(EVENTS)));

	// A people.yaml that is not a readable list is the content model's to report, with its line.
	let people: { id: string; name: string; role?: string; aliases?: string[] }[] = [];
	try {
		const parsed: unknown = parseYaml(read(PEOPLE));
		type Person = { id: string; name: string; role?: string; aliases?: string[] };
		if (Array.isArray(parsed))
			people = (parsed as unknown[]).filter(
				(p): p is Person => typeof p === 'object' && p !== null && typeof (p as Person).name === 'string',
			);
	} catch {
		people = [];
	}
	const glossary = people.map((p) => ({
		id: p.id,
		// "North Atlantic Treaty Organization (NATO)" names it both ways.
		names: [p.name, ...p.name.split(/\s*[()]\s*/).filter(Boolean), ...(p.aliases ?? [])],
		role: p.role,
	}));

	const parsed = groundingFileSchema.safeParse(parseYaml(read(GROUNDING_FILE)) ?? {});
	if (!parsed.success)
		return { input: { claims, articles, glossary }, problems: issuesToProblems(GROUNDING_FILE, parsed.error.issues) };
	return { input: { claims, articles, glossary, ...parsed.data }, problems: [] };
}

/** The check over the content under `root`: its report, and every problem to stop the build with. */
export function runGrounding(root: URL): { report: GroundingReport | undefined; problems: Problem[] } {
	const { input, problems } = groundingInput(root);
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
			'astro:config:done': ({ config, logger }) => {
				if (command === 'preview') return;
				const { report, problems } = runGrounding(config.root);
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
