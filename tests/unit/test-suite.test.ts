/** Rules about the test suite itself. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs|js)$/.test(e.name) ? [join(dir, e.name)] : [],
	);

describe('the test suite', () => {
	it('runs axe through the one shared helper (tests/helpers/site.ts), so every page gets the same rules', () => {
		// Built from parts so that this file does not match itself.
		const axe = new RegExp(['axe', '-core|axe', '\\.run\\(|new Axe', 'Builder'].join(''));
		const users = [...files('tests'), ...files('scripts')].filter((f) => axe.test(readFileSync(f, 'utf8')));
		expect(users).toEqual([join('tests', 'helpers', 'site.ts')]);
	});
});
