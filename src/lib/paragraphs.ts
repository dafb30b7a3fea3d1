/**
 * The one definition of what a "paragraph" of a source article is, and of its id.
 *
 * A paragraph is a Markdown paragraph at the top level of the article, or directly inside a
 * top-level blockquote (an embedded tweet). Ids are `p1`, `p2`, … in document order. Articles are
 * verbatim and never edited, so order-based ids are stable; `tests/unit/articles.test.ts` pins
 * every id to its opening words so that a change cannot slip through unnoticed.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMdx } from './mdx';

export interface SourceParagraph {
	/** Stable anchor id, e.g. `p3`. */
	id: string;
	/** Plain text of the paragraph. */
	text: string;
}

export const paragraphId = (index: number): string => `p${index + 1}`;

export const PARAGRAPH_ID = /^p[1-9]\d*$/;

/** Paragraph nodes of a parsed article, in document order. */
export function paragraphNodes(tree: Root): Paragraph[] {
	const found: Paragraph[] = [];
	const take = (node: RootContent) => {
		if (node.type === 'paragraph') found.push(node);
		else if (node.type === 'blockquote') node.children.forEach(take);
	};
	tree.children.forEach(take);
	return found;
}

/** A paragraph as the article page renders it: `quote` is the number of the blockquote (an embedded tweet) it sits in, if any. */
export interface ArticleParagraph extends SourceParagraph {
	quote?: number;
}

/** The paragraphs of a parsed article with the blockquote each sits in: all the article page needs to render it. */
export function articleParagraphsOf(tree: Root): ArticleParagraph[] {
	const quoteOf = new Map<Paragraph, number>();
	tree.children
		.filter((node) => node.type === 'blockquote')
		.forEach((quote, k) => quote.children.forEach((child) => child.type === 'paragraph' && quoteOf.set(child, k + 1)));
	return paragraphNodes(tree).map((node, i) => {
		const quote = quoteOf.get(node);
		return { id: paragraphId(i), text: toString(node), ...(quote ? { quote } : {}) };
	});
}

/** Paragraphs of a parsed article, with their ids and plain text. */
export const paragraphsOf = (tree: Root): SourceParagraph[] =>
	paragraphNodes(tree).map((node, i) => ({ id: paragraphId(i), text: toString(node) }));

/** Paragraphs of an article's MDX body (without frontmatter). Parses it: the build does so once, in the content model. */
export const extractParagraphs = (body: string): SourceParagraph[] => paragraphsOf(parseMdx(body));
