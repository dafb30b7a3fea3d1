/**
 * Checks on the events file as a whole, run by the events loader before Astro stores anything:
 * each event against the schema, ids unique, every cited paragraph real, every person known.
 * Problems name the file, the event's position (`events[3].sources[0]`) and the fix, all at once.
 */
import { citationKey, isProblem, resolveCitation, type CitationRef, type ParagraphIndex } from './citations';
import { eventSpan } from './events';
import { issuesToProblems, type Problem, type SafeParse } from './problems';

type Ref = string | { id: string };
const refId = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);

/** What the checks need of a parsed event. */
export interface CheckedEvent {
	id: string;
	date: string;
	end?: string | undefined;
	laterContext?: boolean | undefined;
	sources: readonly CitationRef[];
	people: readonly Ref[];
	disagreement?: { sources: readonly CitationRef[] } | undefined;
}

export interface EventCheckOptions<T extends CheckedEvent> {
	/** Path of the events file, relative to the project root. */
	file: string;
	/** The schema's `safeParse`. */
	parse: SafeParse<T>;
	/** Paragraphs of the source articles. */
	index: ParagraphIndex;
	/** Ids in src/content/people.yaml. */
	people: ReadonlySet<string>;
	/** Line in the file of the value at a path such as `[3, 'sources', 0]`, when known. */
	lineOf?: ((path: readonly PropertyKey[]) => number) | undefined;
	/** The story's span: events start on or after `from`; any that starts after `asOf` must be `laterContext`. */
	period?: { from: string; asOf: string } | undefined;
}

export function checkEvents<T extends CheckedEvent>(
	raw: unknown,
	{ file, parse, index, people, lineOf, period }: EventCheckOptions<T>,
): { problems: Problem[]; events: T[] } {
	const problems: Problem[] = [];
	if (!Array.isArray(raw) || raw.length === 0) {
		problems.push({
			file,
			line: lineOf?.([]),
			field: 'events',
			message:
				Array.isArray(raw) || raw == null ? 'the file lists no events' : 'the file must be a YAML list of events',
			fix: 'start each event with "- id: …" at the left margin',
		});
		return { problems, events: [] };
	}
	/** The line of `events[i]` and the rest of a field path such as `events[3].sources[0]`. */
	const lineAt = (field: string): number | undefined => {
		if (!lineOf) return undefined;
		const path = [...field.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)].map((m) =>
			m[1] !== undefined ? Number(m[1]) : m[2]!,
		);
		return lineOf(path.slice(1)); // drop the leading `events`
	};
	const push = (p: Problem) => problems.push({ ...p, line: p.line ?? lineAt(p.field) });

	const firstIndexOf = new Map<string, number>();
	const events: T[] = [];
	raw.forEach((item: unknown, i) => {
		const at = `events[${i}]`;
		const id = (item as { id?: unknown } | null)?.id;
		const named = typeof id === 'string' ? ` (event "${id}")` : '';
		if (typeof id === 'string') {
			const first = firstIndexOf.get(id);
			if (first !== undefined)
				push({
					file,
					field: `${at}.id`,
					message: `"${id}" is already the id of events[${first}]`,
					fix: 'give each event its own id (ids are permalinks, /timeline/#id, so rename the new one)',
				});
			else firstIndexOf.set(id, i);
		}

		const parsed = parse(item);
		if (!parsed.success) {
			issuesToProblems(file, parsed.error.issues, at).forEach((p) => push({ ...p, message: p.message + named }));
			return;
		}
		const event = parsed.data;
		events.push(event);

		const cite = (ref: CitationRef, field: string) => {
			const r = resolveCitation(index, ref, { file, field });
			if (isProblem(r)) push({ ...r, message: r.message + named });
		};
		event.sources.forEach((ref, k) => cite(ref, `${at}.sources[${k}]`));
		event.disagreement?.sources.forEach((ref, k) => cite(ref, `${at}.disagreement.sources[${k}]`));
		const twice = <V>(list: readonly V[], key: (v: V) => string, field: string, what: string) => {
			const seen = new Map<string, number>();
			list.forEach((v, k) => {
				const first = seen.get(key(v));
				if (first === undefined) seen.set(key(v), k);
				else
					push({
						file,
						field: `${at}.${field}[${k}]`,
						message: `${what} "${key(v)}" is listed twice (also ${field}[${first}])${named}`,
						fix: `remove one of the two`,
					});
			});
		};
		twice(event.sources, citationKey, 'sources', 'the paragraph');
		twice(event.people, refId, 'people', 'the person or organisation');
		if (period) {
			const { from } = eventSpan(event);
			const asOf = eventSpan({ date: period.asOf }).to;
			if (from < eventSpan({ date: period.from }).from)
				push({
					file,
					field: `${at}.date`,
					message: `${event.date} is before ${period.from}, where this story begins${named}`,
					fix: 'check the year against the source paragraph',
				});
			else if (from >= asOf && !event.laterContext)
				push({
					file,
					field: `${at}.date`,
					message: `${event.date} is after the as-of date of the sources (${period.asOf})${named}`,
					fix: 'check the date; if the event really comes later (a meeting the sources announce), add laterContext: true',
				});
			else if (from < asOf && event.laterContext)
				push({
					file,
					field: `${at}.laterContext`,
					message: `laterContext is set, but ${event.date} is not after the as-of date (${period.asOf})${named}`,
					fix: 'remove laterContext: it marks only events after the sources end',
				});
		}
		event.people.forEach((ref, k) => {
			const person = refId(ref);
			if (!people.has(person))
				push({
					file,
					field: `${at}.people[${k}]`,
					message: `no person or organisation "${person}" in src/content/people.yaml${named}`,
					fix: 'correct the id, or add the person to people.yaml (only if a source names them)',
				});
		});
	});
	return { problems, events };
}
