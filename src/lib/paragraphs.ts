/**
 * The one definition of what a "paragraph" of a source article is, and of its id.
 *
 * A paragraph is a Markdown paragraph at the top level of the article, or directly inside a
 * top-level blockquote (an embedded tweet). Ids are `p1`, `p2`, … in document order. Articles are
 * verbatim and never edited, so order-based ids are stable; `tests/unit/anchors.test.ts` pins
 * every id to its opening words so that a change cannot slip through unnoticed.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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

const parser = unified().use(remarkParse).use(remarkMdx);

/** Paragraphs of an article's MDX body (without frontmatter). */
export function extractParagraphs(body: string): SourceParagraph[] {
	const tree = parser.parse(body);
	return paragraphNodes(tree).map((node, i) => ({ id: paragraphId(i), text: toString(node) }));
}
