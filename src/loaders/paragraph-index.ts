/**
 * The paragraph index of the source articles, read from disk, for loaders of other collections
 * (explainers, events) that must resolve citations while content is being loaded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { indexParagraphs, type ParagraphIndex } from '../lib/citations';

const ARTICLES = new URL('../content/articles/', import.meta.url);

export async function loadParagraphIndex(): Promise<ParagraphIndex> {
	const files = (await readdir(ARTICLES)).filter((f) => f.endsWith('.mdx'));
	const articles = await Promise.all(
		files.map(async (f) => {
			const source = await readFile(new URL(f, ARTICLES), 'utf8');
			const [, frontmatter = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source) ?? [];
			const title = /^title:\s*"?(.*?)"?\s*$/m.exec(frontmatter)?.[1] ?? f;
			return { id: f.replace(/\.mdx$/, ''), title, body };
		}),
	);
	return indexParagraphs(articles);
}
