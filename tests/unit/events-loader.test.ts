import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENTS_FILE, problemsIn } from '../../src/loaders/events';
import { ContentError } from '../../src/lib/problems';
import { eventsSchema } from '../helpers/content';

/** A project root holding only the given events.yaml (and the real people.yaml). */
function project(events: string): URL {
	const root = mkdtempSync(join(tmpdir(), 'events-'));
	mkdirSync(join(root, 'src/content'), { recursive: true });
	writeFileSync(join(root, EVENTS_FILE), events);
	copyFileSync('src/content/people.yaml', join(root, 'src/content/people.yaml'));
	return pathToFileURL(`${root}/`);
}

const event = (date: string) => `- id: a-day
  date: ${date}
  title: An event for the loader test
  summary: Written without quotes, as authors write dates, to show the loader's parser keeps it as text.
  track: diplomacy
  sources:
    - { article: stoltenberg-open-door-geneva-talks-begin, p: p5 }
`;

describe('the events loader', () => {
	it('passes the real events file', async () => {
		expect(await problemsIn(pathToFileURL(`${process.cwd()}/`), eventsSchema)).toEqual([]);
	});

	it('reads an unquoted impossible date as text and rejects it (no rollover to 2 March)', async () => {
		const problems = await problemsIn(project(event('2022-02-30')), eventsSchema);
		expect(problems).toEqual([
			expect.objectContaining({
				file: 'src/content/events.yaml',
				field: 'events[0].date',
				message: '"2022-02-30" is not a real date: February 2022 has 28 days (event "a-day")',
			}),
		]);
		expect(await problemsIn(project(event('2022-02-28')), eventsSchema)).toEqual([]);
	});

	it('stops on YAML it cannot read, naming the file', async () => {
		const bad = problemsIn(project('- id: broken\n  title: "unclosed\n'), eventsSchema);
		await expect(bad).rejects.toBeInstanceOf(ContentError);
		await expect(bad).rejects.toThrow(/src\/content\/events\.yaml → events: the YAML cannot be read/);
	});
});
