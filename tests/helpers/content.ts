/**
 * Runs an article file through the same checks as the build's loader (the zod schema, then the
 * cross-field checks) without starting Astro: references are plain strings here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { checkArticles, type ArticleInput } from '../../src/lib/article-checks';
import { indexParagraphs } from '../../src/lib/citations';
import { checkEvents } from '../../src/lib/event-checks';
import { formatProblems, issuesToProblems, type Problem } from '../../src/lib/problems';
import { articleSchema } from '../../src/schemas/articles';
import { eventSchema } from '../../src/schemas/events';

export const schema = articleSchema({ person: z.string(), article: z.string() });

export function splitMdx(source: string): { frontmatter: unknown; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
	if (!match) throw new Error('no frontmatter block');
	return { frontmatter: parseYaml(match[1] ?? ''), body: match[2] ?? '' };
}

export function validateArticleFile(
	path: string,
	others: ArticleInput[] = [],
): { problems: Problem[]; message: string } {
	const file = relative(process.cwd(), path);
	const { frontmatter, body } = splitMdx(readFileSync(path, 'utf8'));
	const parsed = schema.safeParse(frontmatter);
	const problems = parsed.success
		? checkArticles([{ id: 'fixture', file, body, data: parsed.data }, ...others])
		: issuesToProblems(file, parsed.error.issues);
	return { problems, message: problems.length ? formatProblems(problems) : '' };
}

export interface LoadedArticle extends ArticleInput {
	data: z.infer<typeof schema>;
}

/** The real articles, parsed as the build parses them (with their raw source text). */
export function loadArticles(dir = 'src/content/articles'): LoadedArticle[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.sort()
		.map((f) => {
			const { frontmatter, body } = splitMdx(readFileSync(`${dir}/${f}`, 'utf8'));
			const data = schema.parse(frontmatter);
			const raw = readFileSync(`public/sources/${data.sourceFile}`, 'utf8');
			return { id: f.replace(/\.mdx$/, ''), file: `${dir}/${f}`, body, data, raw };
		});
}

export const eventsSchema = eventSchema({ person: z.string() });
export type ParsedEvent = z.infer<typeof eventsSchema>;

/** The paragraph index of the real articles, as the events loader builds it. */
export const articleIndex = () =>
	indexParagraphs(loadArticles().map((a) => ({ id: a.id, title: a.data.title, body: a.body })));

export const personIds = () =>
	new Set((parseYaml(readFileSync('src/content/people.yaml', 'utf8')) as { id: string }[]).map((p) => p.id));

/** Runs an events file through the same checks as the build's events loader. */
export function validateEventsFile(path: string): { problems: Problem[]; message: string; events: ParsedEvent[] } {
	const file = relative(process.cwd(), path);
	const { problems, events } = checkEvents(parseYaml(readFileSync(path, 'utf8')), {
		file,
		parse: (input) => eventsSchema.safeParse(input),
		index: articleIndex(),
		people: personIds(),
	});
	return { problems, events, message: problems.length ? formatProblems(problems) : '' };
}
