/**
 * Checks on src/content/people.yaml as a whole: each entry against the schema, ids unique, and
 * every name and alias pointing at one person only (mentions are found by name, so a name two
 * entries share would file one person's mentions under the other).
 */
import { listItemProblems, type Problem, type SafeParse } from './problems';

/** What the checks need of a parsed person. */
export interface CheckedPerson {
	id: string;
	name: string;
	aliases: readonly string[];
}

export function checkPeople<T extends CheckedPerson>(
	raw: unknown,
	{
		file,
		parse,
		lineOf,
	}: { file: string; parse: SafeParse<T>; lineOf?: ((path: readonly PropertyKey[]) => number) | undefined },
): { problems: Problem[]; people: T[] } {
	const problems: Problem[] = [];
	const line = (path: readonly PropertyKey[]) => lineOf?.(path);
	if (!Array.isArray(raw) || raw.length === 0) {
		problems.push({
			file,
			line: line([]),
			field: 'people',
			message:
				Array.isArray(raw) || raw == null
					? 'the file lists no one'
					: 'the file must be a YAML list of people and organisations',
			fix: 'start each entry with "- id: …" at the left margin',
		});
		return { problems, people: [] };
	}
	const people: T[] = [];
	const ids = new Map<string, number>();
	/** Every name and alias, with who has it. */
	const names = new Map<string, { i: number; id: string; as: string }>();
	raw.forEach((item: unknown, i) => {
		const at = `people[${i}]`;
		const parsed = parse(item);
		if (!parsed.success) {
			problems.push(...listItemProblems(file, parsed.error.issues, at, i, line));
			return;
		}
		const person = parsed.data;
		const first = ids.get(person.id);
		if (first !== undefined) {
			problems.push({
				file,
				line: line([i, 'id']),
				field: `${at}.id`,
				message: `"${person.id}" is already the id of people[${first}]; the second entry would replace the first on every page`,
				fix: 'give each entry its own id; if both are the same person, merge them and keep their aliases',
			});
			return;
		}
		ids.set(person.id, i);
		people.push(person);
		const spellings: [string, string][] = [
			['name', person.name],
			...person.aliases.map((a, k): [string, string] => [`aliases[${k}]`, a]),
		];
		for (const [field, text] of spellings) {
			// Matching is case-sensitive ("NATO" and "Nato" are both listed on purpose), so spellings are compared exactly.
			const other = names.get(text.trim());
			if (!other) names.set(text.trim(), { i, id: person.id, as: field });
			else if (other.id !== person.id) {
				const path = field === 'name' ? [i, 'name'] : [i, 'aliases', Number(/\d+/.exec(field)?.[0])];
				problems.push({
					file,
					line: line(path),
					field: `${at}.${field}`,
					message: `"${text}" is also the ${other.as === 'name' ? 'name' : 'alias'} of "${other.id}" (people[${other.i}]), so mentions of one would be filed under both`,
					fix: 'remove it from one of the two entries, or use a spelling that tells them apart (a full name)',
				});
			}
		}
	});
	return { problems, people };
}
