/** The real explainers meet the editorial bar: long enough, every factual block cited, anchors pinned. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseExplainer } from '../../src/lib/explainer-analysis';
import { countWords } from '../../src/lib/reading';
import { splitMdx } from '../helpers/content';

const dir = 'src/content/explainers';
const explainers = readdirSync(dir)
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => ({ id: f.replace(/\.mdx$/, ''), body: splitMdx(readFileSync(`${dir}/${f}`, 'utf8')).body }));

const prose = (body: string) => body.replace(/<[^>]+>/g, ' ');

describe('explainers', () => {
	it('are three', () => {
		expect(explainers.map((e) => e.id).sort()).toEqual(['negotiation-rounds', 'russias-demands', 'what-nato-is']);
	});

	it.each(explainers.map((e) => [e.id, e] as const))(
		'%s has at least 600 words and cites every factual block',
		(_, e) => {
			const analysis = analyseExplainer(e.body);
			expect(countWords(prose(e.body))).toBeGreaterThanOrEqual(600);
			expect(analysis.uncited).toEqual([]);
			expect(analysis.citations.length).toBeGreaterThan(15);
			expect(analysis.sections.length).toBeGreaterThanOrEqual(4);
		},
	);

	it('keep their section and paragraph anchors stable', () => {
		const anchors = Object.fromEntries(
			explainers.map((e) => {
				const a = analyseExplainer(e.body);
				return [e.id, { sections: a.sections.map((s) => s.id), paragraphs: a.paragraphIds }];
			}),
		);
		expect(anchors).toMatchSnapshot();
	});
});
