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
		const users = [...files('tests'), ...files('scripts')].filter((f) =>
			/@axe-core\/playwright|new AxeBuilder/.test(readFileSync(f, 'utf8')),
		);
		expect(users).toEqual([join('tests', 'helpers', 'site.ts')]);
	});
});
