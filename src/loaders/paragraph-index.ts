/**
 * The paragraph index of the source articles, read from disk, for loaders of other collections
 * (explainers, events) that must resolve citations while content is being loaded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { indexParagraphs, type ParagraphIndex } from '../lib/citations';

const ARTICLES = new URL('../content/articles/', import.meta.url);

/**
 * The index, and the ids of articles whose MDX could not be parsed or that have no paragraphs.
 * Those are left out: the articles loader reports them and stops the build.
 */
export async function loadParagraphIndex(): Promise<{ index: ParagraphIndex; unreadable: string[] }> {
	const files = (await readdir(ARTICLES)).filter((f) => f.endsWith('.mdx'));
	const articles = await Promise.all(
		files.map(async (f) => {
			const source = await readFile(new URL(f, ARTICLES), 'utf8');
			const [, frontmatter = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source) ?? [];
			const title = /^title:\s*"?(.*?)"?\s*$/m.exec(frontmatter)?.[1] ?? f;
			return { id: f.replace(/\.mdx$/, ''), title, body };
		}),
	);
	const readable: typeof articles = [];
	const unreadable: string[] = [];
	for (const article of articles) {
		try {
			const indexed = indexParagraphs([article]).get(article.id);
			// An empty article is the articles loader's to report, like an unparseable one.
			if (indexed?.paragraphs.size) readable.push(article);
			else unreadable.push(article.id);
		} catch {
			unreadable.push(article.id);
		}
	}
	return { index: indexParagraphs(readable), unreadable };
}
