import { readFile } from 'node:fs/promises';
import { glob, type Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { checkExplainer } from '../lib/explainer-checks';
import { ContentError } from '../lib/problems';
import { explainerSchema } from '../schemas/explainers';
import { loadWithFrontmatterChecks } from './frontmatter';
import { loadParagraphIndex } from './paragraph-index';

/** Ids in src/content/people.yaml, for checking `<Person id>` while content loads. */
async function loadPeopleIds(): Promise<Set<string>> {
	const people = parse(await readFile(new URL('../content/people.yaml', import.meta.url), 'utf8')) as { id: string }[];
	return new Set(people.map((p) => p.id));
}

/** `glob()` for explainer MDX, then citation, people and coverage checks. Any problem stops the build. */
export function explainersLoader(): Loader {
	const base = glob({ pattern: '*.mdx', base: './src/content/explainers' });
	return {
		name: 'explainers-loader',
		load: async (context) => {
			const frontmatter = await loadWithFrontmatterChecks(base, context, explainerSchema);
			if (frontmatter.length) throw new ContentError(frontmatter);
			const [{ index, unreadable }, peopleIds] = await Promise.all([loadParagraphIndex(), loadPeopleIds()]);
			// An article that cannot be parsed stops the build in the articles loader, with its own
			// message; checking citations against a partial index would only add noise to it.
			if (unreadable.length) return;
			const problems = await Promise.all(
				[...context.store.values()].map(async (entry) => {
					const file = entry.filePath ?? entry.id;
					const body = entry.body ?? '';
					const source = await readFile(file, 'utf8');
					const bodyLineOffset = source.slice(0, source.indexOf(body)).split('\n').length - 1;
					return checkExplainer({ file, body, bodyLineOffset }, index, peopleIds);
				}),
			);
			if (problems.flat().length) throw new ContentError(problems.flat());
		},
	};
}
