/** The real content passes the grounding check with no unreviewed failure, and the check covers it all. */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/lib/problems';
import { runGrounding } from '../../src/integrations/grounding';

const root = pathToFileURL(`${process.cwd()}/`);

const { report, problems } = await runGrounding(root);

describe('the grounding check over src/content', () => {
	it('finds no unreviewed failure and no stale exception', () => {
		expect(problems.length ? formatProblems(problems, 'grounding problem') : '').toBe('');
	});

	it('checks every cited sentence of the explainers and events', () => {
		expect(report?.sentences).toBeGreaterThan(200);
	});
});
