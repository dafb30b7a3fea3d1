/**
 * How often each content file is parsed, for the test that holds the build to one parse per file
 * (tests/content/bad-content.test.ts) and for the benchmark. Kept on `globalThis` because one build
 * loads this module more than once (content loaders at sync, the MDX compiler in Vite, the
 * prerender bundle), and every copy must count into the same place.
 */
/** `model`: the content model, which every check, loader and page reads; `render`: the MDX compiler. */
export type ParseKind = 'model' | 'render';

const KEY = Symbol.for('talks.parseCounts');
type Counts = Record<ParseKind, Map<string, number>>;

function counts(): Counts {
	const g = globalThis as { [KEY]?: Counts };
	g[KEY] ??= { model: new Map(), render: new Map() };
	return g[KEY];
}

/** Records one parse of `file` (a path from the project root). */
export function countParse(kind: ParseKind, file: string): void {
	const map = counts()[kind];
	map.set(file, (map.get(file) ?? 0) + 1);
}

/** Parses so far, by kind and file. */
export function parseCounts(): Record<ParseKind, Record<string, number>> {
	const c = counts();
	return {
		model: Object.fromEntries(c.model),
		render: Object.fromEntries(c.render),
	};
}
