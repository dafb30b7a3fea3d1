import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/problems';
import { buildContentModel } from '../../src/model/build';
import { CONTENT_PATHS, readContentFiles } from '../../src/model/read';

const EVENTS_FILE = CONTENT_PATHS.events;

/** A copy of the project's content with the given events.yaml. */
function project(events: string): URL {
	const root = mkdtempSync(join(tmpdir(), 'events-'));
	cpSync('src/content', join(root, 'src/content'), { recursive: true });
	cpSync('public/sources', join(root, 'public/sources'), { recursive: true });
	writeFileSync(join(root, EVENTS_FILE), events);
	// Without the anchor ledger and the corrections log: replacing every event would otherwise (rightly)
	// be reported as removed anchors, and as corrections of events that are gone.
	rmSync(join(root, CONTENT_PATHS.anchors));
	rmSync(join(root, CONTENT_PATHS.corrections));
	return pathToFileURL(`${root}/`);
}

/** Every problem in the content under `root`, as the build finds it; YAML that cannot be read stops at once. */
async function problemsIn(root: URL) {
	const { problems } = buildContentModel(await readContentFiles(root));
	const unreadable = problems.filter((p) => /the YAML cannot be read/.test(p.message));
	if (unreadable.length) throw new ContentError(unreadable);
	return problems;
}

const event = (date: string) => `- id: a-day
  date: ${date}
  title: An event for the loader test
  summary: Written without quotes, as authors write dates, to show the loader's parser keeps it as text.
  track: diplomacy
  sources:
    - { article: stoltenberg-open-door-geneva-talks-begin, p: p5 }
`;

// Each test builds the whole content model (every article and explainer parsed): seconds, not milliseconds, on a busy machine.
describe('the events loader', { timeout: 60_000 }, () => {
	it('passes the real events file', async () => {
		expect(await problemsIn(pathToFileURL(`${process.cwd()}/`))).toEqual([]);
	});

	it('reads an unquoted impossible date as text and rejects it (no rollover to 2 March)', async () => {
		const problems = await problemsIn(project(event('2022-02-30')));
		expect(problems).toEqual([
			expect.objectContaining({
				file: 'src/content/events.yaml',
				field: 'events[0].date',
				message: '"2022-02-30" is not a real date: February 2022 has 28 days (event "a-day")',
			}),
		]);
		expect(await problemsIn(project(event('2022-02-28')))).toEqual([]);
	});

	it('stops on YAML it cannot read, naming the file', async () => {
		const bad = problemsIn(project('- id: broken\n  title: "unclosed\n'));
		await expect(bad).rejects.toBeInstanceOf(ContentError);
		await expect(bad).rejects.toThrow(/src\/content\/events\.yaml → events: the YAML cannot be read/);
	});
});
