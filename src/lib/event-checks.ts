/**
 * Checks on the events file as a whole, run by the events loader before Astro stores anything:
 * each event against the schema, ids unique, every cited paragraph real, every person known.
 * Problems name the file, the event's position (`events[3].sources[0]`) and the fix, all at once.
 */
import { isProblem, resolveCitation, type CitationRef, type ParagraphIndex } from './citations';
import { issuesToProblems, type Problem } from './problems';

type Ref = string | { id: string };
const refId = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);

/** What the checks need of a parsed event. */
export interface CheckedEvent {
	id: string;
	sources: readonly CitationRef[];
	people: readonly Ref[];
	disagreement?: { sources: readonly CitationRef[] } | undefined;
}

type SafeParse<T> = (
	input: unknown,
) =>
	| { success: true; data: T }
	| { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

export interface EventCheckOptions<T extends CheckedEvent> {
	/** Path of the events file, relative to the project root. */
	file: string;
	/** The schema's `safeParse`. */
	parse: SafeParse<T>;
	/** Paragraphs of the source articles. */
	index: ParagraphIndex;
	/** Ids in src/content/people.yaml. */
	people: ReadonlySet<string>;
}

export function checkEvents<T extends CheckedEvent>(
	raw: unknown,
	{ file, parse, index, people }: EventCheckOptions<T>,
): { problems: Problem[]; events: T[] } {
	const problems: Problem[] = [];
	if (!Array.isArray(raw)) {
		problems.push({
			file,
			field: 'events',
			message: 'the file must be a YAML list of events',
			fix: 'start each event with "- id: …" at the left margin',
		});
		return { problems, events: [] };
	}

	const firstIndexOf = new Map<string, number>();
	const events: T[] = [];
	raw.forEach((item: unknown, i) => {
		const at = `events[${i}]`;
		const id = (item as { id?: unknown } | null)?.id;
		const named = typeof id === 'string' ? ` (event "${id}")` : '';
		if (typeof id === 'string') {
			const first = firstIndexOf.get(id);
			if (first !== undefined)
				problems.push({
					file,
					field: `${at}.id`,
					message: `"${id}" is already the id of events[${first}]`,
					fix: 'give each event its own id (ids are permalinks, /timeline/#id, so rename the new one)',
				});
			else firstIndexOf.set(id, i);
		}

		const parsed = parse(item);
		if (!parsed.success) {
			problems.push(
				...issuesToProblems(file, parsed.error.issues, at).map((p) => ({ ...p, message: p.message + named })),
			);
			return;
		}
		const event = parsed.data;
		events.push(event);

		const cite = (ref: CitationRef, field: string) => {
			const r = resolveCitation(index, ref, { file, field });
			if (isProblem(r)) problems.push({ ...r, message: r.message + named });
		};
		event.sources.forEach((ref, k) => cite(ref, `${at}.sources[${k}]`));
		event.disagreement?.sources.forEach((ref, k) => cite(ref, `${at}.disagreement.sources[${k}]`));
		event.people.forEach((ref, k) => {
			const person = refId(ref);
			if (!people.has(person))
				problems.push({
					file,
					field: `${at}.people[${k}]`,
					message: `no person or organisation "${person}" in src/content/people.yaml${named}`,
					fix: 'correct the id, or add the person to people.yaml (only if a source names them)',
				});
		});
	});
	return { problems, events };
}
