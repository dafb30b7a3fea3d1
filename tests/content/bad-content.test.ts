/**
 * Broken content must stop the real build with a message naming the file, the field and the
 * fix. Each file in fixtures/ is one fixture (see harness.ts for the format); every file there
 * runs, and a file that does not define an expectation fails rather than being skipped.
 *
 * A `sync` fixture that edits content only is first run through the content model in-process:
 * the model is what every loader asks, and the loaders stop `astro sync` and `astro build` with
 * exactly its problems (formatProblems). The WIRING fixtures, one per collection, prove that
 * through the real CLI every time; the rest go through Astro only when the model does not report
 * their problem (a schema Astro checks, a component's props). `sync` fixtures that go through
 * Astro and touch different files share one `astro sync`, and `build` fixtures of one group one
 * `astro build` (see `batches`): every problem is reported at once, so each fixture still has to
 * find its own problem in the output.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/lib/problems';
import { buildContentModel } from '../../src/model/build';
import { readContentFiles } from '../../src/model/read';
import {
	applyFixture,
	astro,
	batches,
	copyContent,
	copyProject,
	onlyContent,
	reportedProblems,
	type BuildFixture,
	type RunResult,
} from './harness';

/**
 * Fixtures that always go through the real `astro sync`, one for each collection's loader: they
 * prove that a problem of the content model stops Astro with the model's own message.
 */
const WIRING = new Set([
	'bad-date.ts',
	'citation-unknown-paragraph.ts',
	'event-missing-paragraph.ts',
	'people-missing-role.ts',
]);

const DIR = join(import.meta.dirname, 'fixtures');
const copies: string[] = [];
const fresh = (copy = copyProject) => {
	const root = copy();
	copies.push(root);
	return root;
};

/** What the loaders would stop the build with for this fixture: the content model's problems, run in-process. */
async function modelRun(fixture: BuildFixture): Promise<RunResult> {
	const root = fresh(copyContent);
	applyFixture(root, fixture);
	const { problems } = buildContentModel(await readContentFiles(pathToFileURL(`${root}/`)));
	return { code: problems.length ? 1 : 0, output: problems.length ? formatProblems(problems) : '' };
}
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
const inProcess = ({ file, fixture }: { file: string; fixture: BuildFixture }) =>
	fixture.run === 'sync' && onlyContent(fixture) && !WIRING.has(file);

/** One run per batch, started when its first fixture's test asks for it. */
const runs = new Map<string, () => Promise<RunResult>>();
for (const batch of batches(valid.filter((v) => !inProcess(v)))) {
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
		const parsed = JSON.parse(readFileSync(counts, 'utf8')) as Record<string, Record<string, number>>;
		const content = readdirSync(join(root, 'src/content'), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => `src/content/${f.replaceAll('\\', '/')}`)
			.sort();
		const once = (files: string[]) => Object.fromEntries(files.map((f) => [f, 1]));
		// The grounding check, which runs before the content layer, reads the same model: were it to
		// build one of its own, every file would count two model parses.
		expect(parsed.model).toEqual(once(content));
		expect(parsed.render).toEqual(once(content.filter((f) => f.startsWith('src/content/explainers/'))));
	});

	for (const { file, fixture } of loaded) {
		it(file.replace(/\.ts$/, ''), async () => {
			if (typeof fixture === 'string') expect.fail(fixture);
			const want = fixture.expect;
			const find = (output: string) =>
				reportedProblems(output).find(
					(p) =>
						p.file === want.file &&
						(want.line === undefined || p.line === want.line) &&
						matches(p.field, want.field) &&
						matches(p.message, want.message) &&
						matches(p.fix, want.fix),
				);
			let run = inProcess({ file, fixture }) ? await modelRun(fixture) : undefined;
			// Not the model's to report (or not as expected): the real command decides.
			if (!run || !find(run.output)) {
				const root = runs.has(file) ? undefined : fresh();
				if (root) applyFixture(root, fixture);
				run = await (root ? astro(root, fixture.run) : runs.get(file)!());
			}
			const { code, output } = run;
			expect(code, `astro ${fixture.run} should fail for: ${fixture.description}\n${output}`).not.toBe(0);
			expect(
				find(output),
				`expected "${want.file} → ${want.field}" with its message and fix; the build said:\n${output}`,
			).toBeDefined();
		});
	}
});
