/**
 * Runs an article file through the same checks as the build's loader (the zod schema, then the
 * cross-field checks) without starting Astro: references are plain strings here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { checkArticles, type ArticleInput } from '../../src/lib/article-checks';
import { formatProblems, issuesToProblems, type Problem } from '../../src/lib/problems';
import { articleSchema } from '../../src/schemas/articles';

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
