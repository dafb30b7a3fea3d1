/** How the relevance suite is counted (src/lib/search-relevance.ts). */
import { describe, expect, it } from 'vitest';
import { checkSuite, recallAt3, resultAddress, scoreQuery } from '../../src/lib/search-relevance';

describe('relevance scoring', () => {
	it('counts each expected result in the first three, and an anyOf list once', () => {
		const score = scoreQuery({ q: 'Grushko', kind: 'person', top3: ['/a/', '/b/'], anyOf: ['/c/', '/d/'] }, [
			'/a/?highlight=grushko',
			'/x/',
			'/d/#p3',
			'/b/',
		]);
		expect(score).toMatchObject({ met: 1, expected: 3, missing: ['/b/', 'one of /c/, /d/'] });
		expect(recallAt3([score, { ...score, met: 3, missing: [] }])).toBeCloseTo(4 / 6);
	});

	it('compares results without their highlight', () => {
		expect(resultAddress('/timeline/?highlight=grushko#grushko-end-open-door')).toBe(
			'/timeline/#grushko-end-open-door',
		);
	});

	it('refuses a malformed suite, naming the entry and the fix', () => {
		expect(() => checkSuite([{ q: 'x', kind: 'person' }])).toThrow(/entry 1 \(“x”\): give `top3` or `anyOf`/);
		expect(() => checkSuite([{ q: 'x', kind: 'colour', top3: ['/a/'] }])).toThrow(/`kind` must be one of/);
		expect(() => checkSuite([{ q: 'x', kind: 'date', top3: ['/a/?highlight=x'] }])).toThrow(/without a query string/);
		expect(() => checkSuite([{ q: 'x', kind: 'date', top3: ['/a/', '/b/', '/c/', '/d/'] }])).toThrow(/at most three/);
	});
});
