import { describe, expect, it } from 'vitest';
import { analyseExplainer } from '../../src/lib/explainer-analysis';

const body = `import X from './x';

<InBrief>
- NATO said no <Cite article="a" p="p1" />.
- Talks went on <Cite article="b" p="p2" />.
</InBrief>

Opening with <Person id="jens-stoltenberg">Jens Stoltenberg</Person> <Cite article="a" p="p1" />.

## What was asked

An uncited claim about the talks.

<ContextNote reference="Bucharest Summit Declaration, 3 April 2008">
Context needs no source citation, but names a reference.
</ContextNote>

<Disagreement>
<Account article="a" p="p2">
One account.
</Account>
<Account article="b" p="p1">
Another account.
</Account>
</Disagreement>
`;

describe('analyseExplainer', () => {
	const a = analyseExplainer(body);

	it('numbers citations by first appearance, counting repeat uses', () => {
		expect(a.citations.map(({ article, p, n, k }) => `${article}#${p} n${n} k${k}`)).toEqual([
			'a#p1 n1 k1',
			'b#p2 n2 k1',
			'a#p1 n1 k2',
			'a#p2 n3 k1',
			'b#p1 n4 k1',
		]);
	});

	it('records sections, paragraph ids and where people are named', () => {
		expect(a.sections).toEqual([{ id: 'what-was-asked', title: 'What was asked' }]);
		expect(a.paragraphIds).toEqual(['intro-3', 'what-was-asked-1', 'what-was-asked-2']);
		expect(a.people).toEqual([{ id: 'jens-stoltenberg', blockId: 'intro-3', sectionId: 'intro', line: 8 }]);
	});

	it('gives every heading a kebab-case id, whatever punctuation it holds', () => {
		const ids = analyseExplainer(
			'## NATO & Russia\n\nText.\n\n## <b> "Quoted" </b> & more\n\nText.\n\n## ---\n\nText.\n\n## NATO & Russia\n\nText.',
		).sections.map((s) => s.id);
		expect(ids).toEqual(['nato-russia', 'quoted-more', 'section', 'nato-russia-1']);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it('reports factual blocks without a citation, but not context notes', () => {
		expect(a.uncited).toEqual([{ text: 'An uncited claim about the talks.', line: 12 }]);
	});
});
