import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkParagraphs } from '../../src/lib/remark-paragraphs';

async function run(path: string, body: string): Promise<Root> {
	const processor = unified().use(remarkParse).use(remarkMdx).use(remarkParagraphs);
	const file = new VFile({ path, value: body });
	return (await processor.run(processor.parse(file), file)) as Root;
}

describe('remarkParagraphs', () => {
	it('wraps each article paragraph in <Paragraph id ctx={props}> with the id on the <p>', async () => {
		const tree = await run('/site/src/content/articles/a.mdx', 'One.\n\n> Two.');
		const [first, quote] = tree.children;
		expect(first).toMatchObject({
			type: 'mdxJsxFlowElement',
			name: 'Paragraph',
			attributes: [
				{ name: 'id', value: 'p1' },
				{ name: 'ctx', value: { type: 'mdxJsxAttributeValueExpression', value: 'props' } },
			],
			children: [{ type: 'paragraph', data: { hProperties: { id: 'p1' } } }],
		});
		// A search match inside the paragraph links to it: a Pagefind sub-result with a title.
		expect((first as { children: { data: unknown }[] }).children[0]?.data).toEqual({
			hProperties: { id: 'p1', 'data-pagefind-title': 'Paragraph 1' },
		});
		expect(quote).toMatchObject({ type: 'blockquote' });
		expect((quote as { children: unknown[] }).children[0]).toMatchObject({
			name: 'Paragraph',
			attributes: [{ name: 'id', value: 'p2' }, { name: 'ctx' }],
		});
	});

	it('leaves files outside the articles collection alone', async () => {
		const tree = await run('/site/src/content/explainers/x.mdx', 'One.');
		expect(tree.children[0]).toMatchObject({ type: 'paragraph' });
	});
});
