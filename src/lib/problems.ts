/** A content problem found at build time: where, which field, what is wrong, how to fix it. */
export interface Problem {
	/** Path of the file, relative to the project root. */
	file: string;
	/** Line in the file (1-based), when known: reports then read `file:line`, as editors link them. */
	line?: number | undefined;
	/** Dotted path of the field, e.g. `notes[2].paragraph`, or `body`. */
	field: string;
	/** What is wrong. */
	message: string;
	/** What the author should do. */
	fix: string;
}

/** Where a problem is: `file:line`, or the file alone when the line is not known. */
export const problemPlace = (p: Pick<Problem, 'file' | 'line'>): string => (p.line ? `${p.file}:${p.line}` : p.file);

/** Every problem on two lines: `file:line → field: message`, then `Fix: …`. `kind` names what they are. */
export function formatProblems(problems: readonly Problem[], kind = 'content problem'): string {
	const lines = problems.map((p) => `  ${problemPlace(p)} → ${p.field}: ${p.message}\n    Fix: ${p.fix}`);
	const count = problems.length === 1 ? `1 ${kind}` : `${problems.length} ${kind}s`;
	return `${count} stopped the build:\n${lines.join('\n')}`;
}

/** Thrown by loaders and build checks so the build stops with every problem listed at once. */
export class ContentError extends Error {
	constructor(
		readonly problems: readonly Problem[],
		kind?: string,
	) {
		super(formatProblems(problems, kind));
		this.name = 'ContentError';
	}
}

/** A schema's `safeParse`, as the checks of a YAML list take it (people, events, corrections). */
export type SafeParse<T> = (
	input: unknown,
) =>
	| { success: true; data: T }
	| { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/**
 * Zod issues as Problems, with the field path written the way authors see it: `notes[0].quote`, or
 * with a `prefix` such as `events[3]`, `events[3].sources[0]`. An issue may carry its own fix in
 * `params.fix`.
 */
export function issuesToProblems(
	file: string,
	issues: readonly { path: readonly PropertyKey[]; message: string; params?: { fix?: unknown } | undefined }[],
	prefix = '',
): Problem[] {
	return issues.map((issue) => {
		const path = issue.path
			.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i || prefix ? '.' : ''}${String(k)}`))
			.join('');
		const fix = issue.params?.fix;
		return {
			file,
			field: prefix + path || 'frontmatter',
			message: issue.message,
			fix: typeof fix === 'string' ? fix : 'correct the field as the message says',
		};
	});
}

/**
 * The schema's issues with item `i` of a YAML list (`at` is its path, `people[3]`), each on the line
 * of its field as `lineOf` finds it.
 */
export function listItemProblems(
	file: string,
	issues: Parameters<typeof issuesToProblems>[1],
	at: string,
	i: number,
	lineOf: (path: readonly PropertyKey[]) => number | undefined,
): Problem[] {
	return issuesToProblems(file, issues, at).map((p) => {
		const path = p.field.slice(at.length).match(/[^.[\]]+/g) ?? [];
		return { ...p, line: lineOf([i, ...path.map((k) => (/^\d+$/.test(k) ? Number(k) : k))]) };
	});
}
