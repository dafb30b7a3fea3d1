import { describe, expect, it } from 'vitest';
import { indexParagraphs } from '../../src/lib/citations';
import { checkExplainer } from '../../src/lib/explainer-checks';
import { formatProblems } from '../../src/lib/problems';

const index = indexParagraphs([{ id: 'alpha', title: 'Alpha', body: 'One.\n\nTwo.' }]);
const people = new Set(['jens-stoltenberg']);
const check = (body: string) =>
	checkExplainer({ file: 'src/content/explainers/x.mdx', body, bodyLineOffset: 4 }, index, people);

describe('explainer checks', () => {
	it('accept cited paragraphs, known people and referenced context', () => {
		const body = [
			'<Person id="jens-stoltenberg">Stoltenberg</Person> spoke. <Cite article="alpha" p="p2" />',
			'<ContextNote reference="North Atlantic Treaty, 4 April 1949">',
			'Context needs a reference, not a citation.',
			'</ContextNote>',
		].join('\n\n');
		expect(check(body)).toEqual([]);
	});

	it('name the file, the citation with its line, and the valid choices for an unknown paragraph', () => {
		const message = formatProblems(check('Claim. <Cite article="alpha" p="p9" />'));
		expect(message).toContain('src/content/explainers/x.mdx → <Cite article="alpha" p="p9"> on line 5');
		expect(message).toContain('article "alpha" has no paragraph "p9"');
		expect(message).toContain('Fix: use one of p1–p2');
	});

	it('reject an unknown article with the list of articles', () => {
		expect(check('Claim. <Cite article="gamma" p="p1" />')).toEqual([
			expect.objectContaining({ message: 'unknown article "gamma"', fix: 'use one of: alpha' }),
		]);
	});

	it('reject a misspelt person with the list of ids', () => {
		const [problem] = check('<Person id="jens-stoltenburg">Stoltenberg</Person> <Cite article="alpha" p="p1" />');
		expect(problem).toMatchObject({
			field: '<Person id="jens-stoltenburg"> on line 5',
			message: 'no person or organisation "jens-stoltenburg" in src/content/people.yaml',
		});
		expect(problem?.fix).toContain('jens-stoltenberg');
	});

	it('reject a factual paragraph or list item without a citation', () => {
		const problems = check('Cited. <Cite article="alpha" p="p1" />\n\n- An uncited bullet.');
		expect(problems).toEqual([
			expect.objectContaining({
				field: 'body, line 7 (“An uncited bullet.…”)',
				message: 'this paragraph cites no source paragraph',
			}),
		]);
	});

	it('reject a context note without a reference', () => {
		const problems = check('<ContextNote>\n\nSomething.\n\n</ContextNote>');
		expect(problems).toEqual([
			expect.objectContaining({ field: '<ContextNote> on line 5', message: 'a context note must name its reference' }),
		]);
	});
});
