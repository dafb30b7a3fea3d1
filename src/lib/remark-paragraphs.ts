/**
 * Remark plugin for source articles: wraps every paragraph (as defined in ./paragraphs) in
 * `<Paragraph id="pN" ctx={props}>`, so the page's `<Paragraph>` component can add the copy-link
 * control, editor's notes and backlinks that belong beside it. `props` are the props the page
 * passes to `<Content>`; this is how per-page data reaches each paragraph without a second lookup.
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { paragraphId, paragraphNodes } from './paragraphs';
import { subResultAttributes } from './search';

const ARTICLE_FILE = /[\\/]src[\\/]content[\\/]articles[\\/][^\\/]+\.mdx$/;

const propsExpression = {
	type: 'mdxJsxAttributeValueExpression',
	value: 'props',
	data: {
		estree: {
			type: 'Program',
			sourceType: 'module',
			body: [{ type: 'ExpressionStatement', expression: { type: 'Identifier', name: 'props' } }],
		},
	},
} as const;

export function remarkParagraphs() {
	return (tree: Root, file: VFile) => {
		if (!ARTICLE_FILE.test(file.path)) return;
		paragraphNodes(tree).forEach((node, i) => {
			const wrapper: MdxJsxFlowElement = {
				type: 'mdxJsxFlowElement',
				name: 'Paragraph',
				attributes: [
					{ type: 'mdxJsxAttribute', name: 'id', value: paragraphId(i) },
					{ type: 'mdxJsxAttribute', name: 'ctx', value: propsExpression as never },
				],
				// The id goes on the <p> itself, so `#pN` and `:target` address the paragraph, and a
				// search match inside it links there (a Pagefind sub-result titled "Paragraph N").
				children: [
					{
						...node,
						data: {
							...node.data,
							hProperties: { id: paragraphId(i), ...subResultAttributes(`Paragraph ${i + 1}`) },
						},
					},
				],
			};
			// Replace in place, so the node keeps its place (and its blockquote parent).
			Object.assign(node, wrapper);
		});
	};
}
