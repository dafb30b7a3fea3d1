/**
 * The one resolver for references to source paragraphs. Explainer citations, timeline event
 * sources and editor's-note cross-references all go through `resolveCitation`, so a broken
 * reference fails the same way everywhere: naming the file, the field and the valid choices.
 */
import { extractParagraphs, type SourceParagraph } from './paragraphs';
import type { Problem } from './problems';

export interface CitationRef {
	/** Article id (its slug), e.g. `nato-russia-council-rejects-key-demands`. */
	article: string;
	/** Paragraph id, e.g. `p3`. */
	p: string;
}

export interface IndexedArticle {
	title: string;
	/** Paragraph text by id, in order. */
	paragraphs: Map<string, string>;
}

export type ParagraphIndex = ReadonlyMap<string, IndexedArticle>;

/** The index of articles whose paragraphs are known already (the content model's, or the stored collection's). */
export function indexArticles(
	articles: readonly { id: string; title: string; paragraphs: readonly SourceParagraph[] }[],
): ParagraphIndex {
	return new Map(
		articles.map((a) => [a.id, { title: a.title, paragraphs: new Map(a.paragraphs.map((p) => [p.id, p.text])) }]),
	);
}

/** The index of articles given as MDX bodies, parsing each (tests and tools; the build parses once, in the content model). */
export const indexParagraphs = (articles: readonly { id: string; title: string; body: string }[]): ParagraphIndex =>
	indexArticles(articles.map((a) => ({ ...a, paragraphs: extractParagraphs(a.body) })));

export const citationHref = (ref: CitationRef): string => `/articles/${ref.article}/#${ref.p}`;

/** One key per cited paragraph, `article#p`: citations of the same paragraph share a number. */
export const citationKey = (ref: CitationRef): string => `${ref.article}#${ref.p}`;

export interface ResolvedCitation extends CitationRef {
	href: string;
	title: string;
	text: string;
}

const list = (items: Iterable<string>) => [...items].join(', ');

/** Resolves a reference, or returns the Problem to report for `file` and `field`. */
export function resolveCitation(
	index: ParagraphIndex,
	ref: CitationRef,
	where: { file: string; field: string },
): ResolvedCitation | Problem {
	const article = index.get(ref.article);
	if (!article) {
		return {
			...where,
			message: `unknown article "${ref.article}"`,
			fix: `use one of: ${list(index.keys())}`,
		};
	}
	const text = article.paragraphs.get(ref.p);
	if (text === undefined && article.paragraphs.size === 0) {
		return {
			...where,
			message: `article "${ref.article}" has no paragraphs at all`,
			fix: `restore the text of src/content/articles/${ref.article}.mdx, or cite another article`,
		};
	}
	if (text === undefined) {
		const ids = [...article.paragraphs.keys()];
		return {
			...where,
			message: `article "${ref.article}" has no paragraph "${ref.p}"`,
			fix: `use one of ${ids[0]}–${ids.at(-1)} (see the numbers beside the paragraphs on /articles/${ref.article}/)`,
		};
	}
	return { ...ref, href: citationHref(ref), title: article.title, text };
}

export const isProblem = (r: ResolvedCitation | Problem): r is Problem => 'fix' in r;
