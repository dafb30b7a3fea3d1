/**
 * The events collection: Astro's `file()` loader over src/content/events.yaml, preceded by the
 * checks zod cannot make alone (unique ids, cited paragraphs that exist, people who exist). Any
 * problem stops the build with the file, the event's position and the fix.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { file, type Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { checkEvents, type CheckedEvent } from '../lib/event-checks';
import { ContentError, formatProblems, type Problem } from '../lib/problems';
import { loadParagraphIndex } from './paragraph-index';

export const EVENTS_FILE = 'src/content/events.yaml';
const PEOPLE_FILE = 'src/content/people.yaml';

/** YAML 1.2 core schema: unlike js-yaml, it leaves 2022-02-30 as text for the schema to reject, not a rolled-over Date. */
const parser = (text: string) => parseYaml(text) as Record<string, unknown>[];

interface Schema {
	safeParse: Parameters<typeof checkEvents<CheckedEvent>>[1]['parse'];
}

/** Every problem in the events file under `root`, checked as the build checks it. */
export async function problemsIn(root: URL, schema: Schema): Promise<Problem[]> {
	const readYaml = async (path: string): Promise<unknown> => {
		const text = await readFile(new URL(path, root), 'utf8');
		try {
			return parseYaml(text);
		} catch (error) {
			throw new ContentError([
				{
					file: path,
					field: 'events',
					message: `the YAML cannot be read: ${(error as Error).message}`,
					fix: 'fix the indentation or quoting at the line the message gives',
				},
			]);
		}
	};
	const [raw, people, { index, unreadable }] = await Promise.all([
		readYaml(EVENTS_FILE),
		readYaml(PEOPLE_FILE),
		loadParagraphIndex(),
	]);
	// An article that cannot be parsed stops the build in the articles loader, with its own message.
	if (unreadable.length) return [];
	const personIds = new Set(Array.isArray(people) ? people.map((p: { id?: string }) => String(p.id)) : []);
	return checkEvents(raw, { file: EVENTS_FILE, parse: (input) => schema.safeParse(input), index, people: personIds })
		.problems;
}

export function eventsLoader(schema: Schema): Loader {
	const base = file(EVENTS_FILE, { parser });
	return {
		name: 'events-loader',
		load: async (context) => {
			const problems = await problemsIn(context.config.root, schema);
			if (problems.length) throw new ContentError(problems);
			await base.load(context);
			// `file()` reloads the data on its own when the file changes in `astro dev`; check it again then.
			const path = fileURLToPath(new URL(EVENTS_FILE, context.config.root));
			context.watcher?.on('change', (changed) => {
				if (changed !== path) return;
				problemsIn(context.config.root, schema).then(
					(found) => found.length && context.logger.error(formatProblems(found)),
					(error: Error) => context.logger.error(error.message),
				);
			});
		},
	};
}
