/**
 * Broken content must stop the real build with a message naming the file, the field and the
 * fix. Each file in fixtures/ is one fixture (see harness.ts for the format); every file there
 * runs, and a file that does not define an expectation fails rather than being skipped.
 *
 * `sync` fixtures that touch different files share one `astro sync` (see `batches`): every
 * problem is reported at once, so each fixture still has to find its own problem in the output,
 * and the suite runs a few syncs instead of one per fixture.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	applyFixture,
	astro,
	batches,
	copyProject,
	reportedProblems,
	type BuildFixture,
	type RunResult,
} from './harness';

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

const loaded = await Promise.all(
	readdirSync(DIR)
		.sort()
		.map(async (file) => ({ file, fixture: await load(file) })),
);
const valid = loaded.filter((l): l is { file: string; fixture: BuildFixture } => typeof l.fixture !== 'string');

/** One run per batch, started when its first fixture's test asks for it. */
const runs = new Map<string, () => Promise<RunResult>>();
for (const batch of batches(valid)) {
	let result: Promise<RunResult> | undefined;
	const start = () => {
		result ??= (async () => {
			const root = fresh();
			for (const { fixture } of batch) applyFixture(root, fixture);
			return astro(root, batch[0]!.fixture.run);
		})();
		return result;
	};
	for (const { file } of batch) runs.set(file, start);
}

describe.concurrent('content that must stop the build', () => {
	it('the unchanged project builds, so each failure below is the fixture’s doing; each content file is parsed once', async () => {
		const root = fresh();
		const counts = join(root, 'parse-counts.json');
		const { code, output } = await astro(root, 'build', { CONTENT_PARSE_COUNTS: counts });
		expect(code, output).toBe(0);
		// Once by the content model (every check and every page reads it); explainers once more by
		// the MDX compiler to render the page, articles never (ArticleText renders the model's
		// paragraphs): never again by a loader, a page or a component.
		const parsed = JSON.parse(readFileSync(counts, 'utf8')) as Record<
			'model' | 'render' | 'grounding',
			Record<string, number>
		>;
		const content = readdirSync(join(root, 'src/content'), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => `src/content/${f.replaceAll('\\', '/')}`)
			.sort();
		const once = (files: string[]) => Object.fromEntries(files.map((f) => [f, 1]));
		expect(parsed.model).toEqual(once(content));
		expect(parsed.render).toEqual(once(content.filter((f) => f.startsWith('src/content/explainers/'))));
		// Known and counted: the grounding check runs before the content layer exists, so it parses
		// each article once more (to be moved onto the model). Nothing else may.
		expect(parsed.grounding).toEqual(once(content.filter((f) => f.startsWith('src/content/articles/'))));
	});

	for (const { file, fixture } of loaded) {
		it(file.replace(/\.ts$/, ''), async () => {
			if (typeof fixture === 'string') expect.fail(fixture);
			const { code, output } = await runs.get(file)!();
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
