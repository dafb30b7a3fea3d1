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
	// Source articles are no longer compiled as MDX: the article page renders their paragraphs from
	// the content model. What this file asserted of article paragraphs (ids p1…, “paragraph 1”,
	// the number, the Pagefind sub-result title, blockquoted paragraphs numbered in sequence) is now
	// asserted of the built pages themselves, in tests/dist/articles.test.ts.
	it('leaves source articles alone (the article page renders them from the content model)', async () => {
		const tree = await run('/site/src/content/articles/a.mdx', 'One.\n\n> Two.');
		expect(tree.children[0]).toMatchObject({ type: 'paragraph' });
	});

	it('leaves files outside the content collections alone', async () => {
		const tree = await run('/site/src/pages/about.mdx', 'One.');
		expect(tree.children[0]).toMatchObject({ type: 'paragraph' });
	});

	it('gives explainer headings and paragraphs section-based ids and numbers citations', async () => {
		const body = [
			'Intro <Cite article="a" p="p1" />.',
			'## The open door',
			'First <Cite article="a" p="p2" /> and again <Cite article="a" p="p1" />.',
			'<Account article="b" p="p3">',
			'Their side.',
			'</Account>',
		].join('\n\n');
		const tree = await run('/site/src/content/explainers/x.mdx', body);
		const [intro, heading, first, account] = tree.children;
		expect(intro).toMatchObject({
			name: 'Paragraph',
			attributes: [{ value: 'intro-1' }, { value: 'paragraph 1 of the introduction' }, {}, {}],
		});
		expect(heading).toMatchObject({ type: 'heading', data: { hProperties: { id: 'the-open-door' } } });
		expect(first).toMatchObject({
			name: 'Paragraph',
			attributes: [{ value: 'the-open-door-1' }, { value: 'paragraph 1 of “The open door”' }, {}, {}],
		});
		const cites = (
			first as { children: { children: { name?: string; attributes?: { name: string; value: unknown }[] }[] }[] }
		).children[0]!.children.filter((c) => c.name === 'Cite');
		const numbers = cites.map((c) =>
			Object.fromEntries(c.attributes!.filter((a) => a.name === 'n' || a.name === 'k').map((a) => [a.name, a.value])),
		);
		expect(numbers).toEqual([
			{ n: '2', k: '1' },
			{ n: '1', k: '2' },
		]);
		expect(account).toMatchObject({
			name: 'Account',
			attributes: expect.arrayContaining([
				{ type: 'mdxJsxAttribute', name: 'id', value: 'the-open-door-2' },
			]) as unknown,
		});
	});

	it('binds each citation marker to the word before it with a no-break space', async () => {
		const tree = await run(
			'/site/src/content/explainers/x.mdx',
			'A claim. <Cite article="a" p="p1" /> <Cite article="a" p="p2" />',
		);
		const paragraph = (tree.children[0] as { children: { children: { type: string; value?: string }[] }[] })
			.children[0]!;
		const texts = paragraph.children.filter((c) => c.type === 'text').map((c) => c.value);
		expect(texts).toEqual(['A claim.\u00a0', '\u00a0']);
	});
});
