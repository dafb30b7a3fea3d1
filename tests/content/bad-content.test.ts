/**
 * Broken content must stop the real build with a message naming the file, the field and the
 * fix. Each file in fixtures/ is one fixture (see harness.ts for the format); every file there
 * runs, and a file that does not define an expectation fails rather than being skipped.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFixture, astro, copyProject, reportedProblems, type BuildFixture } from './harness';

const DIR = join(import.meta.dirname, 'fixtures');
const copies: string[] = [];
const fresh = () => {
	const root = copyProject();
	copies.push(root);
	return root;
};
afterAll(() => copies.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The fixture a file defines, or why it defines none. */
async function load(file: string): Promise<BuildFixture | string> {
	if (!file.endsWith('.ts')) return `${file} is not a .ts fixture module, so it states no expectation`;
	const mod = (await import(join(DIR, file))) as { default?: Partial<BuildFixture> };
	const f = mod.default;
	if (!f?.expect?.file || !f.expect.field || !f.expect.message || !f.expect.fix || !f.run)
		return `${file} has no complete expectation: export default defineFixture({ run, expect: { file, field, message, fix } })`;
	return f as BuildFixture;
}

const matches = (actual: string, expected: string | RegExp) =>
	typeof expected === 'string' ? actual === expected : expected.test(actual);

describe.concurrent('content that must stop the build', () => {
	it('the unchanged project builds, so each failure below is the fixture’s doing; each content file is parsed once', async () => {
		const root = fresh();
		const counts = join(root, 'parse-counts.json');
		const { code, output } = await astro(root, 'build', { CONTENT_PARSE_COUNTS: counts });
		expect(code, output).toBe(0);
		// Once by the content model (every check and every page reads it), once by the MDX compiler
		// to render the page: never again by a loader, a page or a component.
		const parsed = JSON.parse(readFileSync(counts, 'utf8')) as Record<'model' | 'render', Record<string, number>>;
		const content = readdirSync(join(root, 'src/content'), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => `src/content/${f.replaceAll('\\', '/')}`)
			.sort();
		const once = Object.fromEntries(content.map((f) => [f, 1]));
		expect(parsed.model).toEqual(once);
		expect(parsed.render).toEqual(once);
	});

	for (const file of readdirSync(DIR).sort()) {
		it(file.replace(/\.ts$/, ''), async () => {
			const fixture = await load(file);
			if (typeof fixture === 'string') expect.fail(fixture);
			const root = fresh();
			applyFixture(root, fixture);
			const { code, output } = await astro(root, fixture.run);
			expect(code, `astro ${fixture.run} should fail for: ${fixture.description}\n${output}`).not.toBe(0);
			const problems = reportedProblems(output);
			const want = fixture.expect;
			const hit = problems.find(
				(p) =>
					p.file === want.file &&
					(want.line === undefined || p.line === want.line) &&
					matches(p.field, want.field) &&
					matches(p.message, want.message) &&
					matches(p.fix, want.fix),
			);
			expect(
				hit,
				`expected "${want.file} → ${want.field}" with its message and fix; the build said:\n${output}`,
			).toBeDefined();
		});
	}
});
