/**
 * Reading content files as text: the frontmatter block of an MDX file, and YAML (frontmatter,
 * people.yaml, events.yaml) parsed by a real YAML parser that keeps line numbers, so every
 * problem can name the line it is on.
 *
 * A UTF-8 byte-order mark and Windows line ends (CRLF) are accepted, as Astro's MDX compiler
 * accepts them: what the checks read is what the page renders.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../lib/problems';

/** Text with the byte-order mark removed and every line end made `\n` (line numbers are unchanged). */
export const normalise = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

export interface SplitMdx {
	/** The YAML between the `---` fences. */
	yaml: string;
	/** Line of the file on which the YAML starts (1-based). */
	yamlLine: number;
	/** Everything after the closing fence. */
	body: string;
	/** Line of the file on which the body starts (1-based). */
	bodyLine: number;
}

/**
 * The frontmatter and body of an MDX file, or the problem with its fences. Like Astro, it allows
 * blank lines before the opening `---`.
 */
export function splitMdx(file: string, text: string): SplitMdx | Problem {
	const lines = normalise(text).split('\n');
	let open = 0;
	while (open < lines.length && lines[open]!.trim() === '') open++;
	const fence = (i: number) => lines[i]?.trimEnd() === '---';
	if (!fence(open)) {
		return {
			file,
			line: open + 1,
			field: 'frontmatter',
			message:
				lines[open]?.trimEnd() === '+++'
					? 'the frontmatter is TOML (+++); this site reads YAML'
					: 'the file does not start with a frontmatter block',
			fix: 'start the file with a line `---`, then the fields (title: …), then another line `---`, then the text',
		};
	}
	let close = open + 1;
	while (close < lines.length && !fence(close)) close++;
	if (close >= lines.length) {
		return {
			file,
			line: open + 1,
			field: 'frontmatter',
			message: 'the frontmatter block opened here is never closed',
			fix: 'add a line `---` after the last field, before the text',
		};
	}
	return {
		yaml: lines.slice(open + 1, close).join('\n'),
		yamlLine: open + 2,
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2,
	};
}

export const isProblem = (value: unknown): value is Problem =>
	typeof value === 'object' && value !== null && 'fix' in value && 'message' in value;

/** A parsed YAML text that can say on which line of its file any value or key stands. */
export interface YamlText {
	value: unknown;
	/** Line (1-based, in the file) of the value at `path`, or of the nearest parent that exists. */
	lineOf: (path: readonly PropertyKey[]) => number;
	problems: Problem[];
}

/**
 * Parses YAML (1.2 core schema: `2022-02-30` stays text for the schemas to reject, where a
 * YAML 1.1 parser would roll it over to 2 March). `firstLine` is the line of the file the text
 * starts on. Syntax errors and duplicate keys are problems, with their line.
 */
export function parseYaml(file: string, text: string, firstLine = 1, field = 'frontmatter'): YamlText {
	const counter = new LineCounter();
	const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number) => counter.linePos(offset).line + firstLine - 1;
	// The line goes in the message rather than the place (`file:line`): a file that cannot be read
	// is reported as a whole, as it always has been (tests/unit/events-loader.test.ts).
	// Only the first error: after one, a YAML parser's further errors are mostly its own confusion.
	const problems: Problem[] = doc.errors.slice(0, 1).map((error) => {
		const duplicate = error.code === 'DUPLICATE_KEY';
		const { line, col } = counter.linePos(error.pos[0]);
		const where = `line ${line + firstLine - 1}, column ${col}`;
		return {
			file,
			field,
			message: duplicate
				? `a key appears twice in the same block, at ${where}`
				: `the YAML cannot be read at ${where}: ${error.message.split('\n')[0]}`,
			fix: duplicate
				? 'keep one of the two lines: a repeated key silently replaces the first'
				: 'fix the indentation or quoting on that line (text with a colon, quote or # needs "quotes")',
		};
	});
	const lineOf = (path: readonly PropertyKey[]): number => {
		let node: unknown = doc.contents;
		let line = node && (node as Node).range ? at((node as Node).range![0]) : firstLine;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
				if (!pair) return line;
				const keyNode = pair.key as Node | undefined;
				if (keyNode?.range) line = at(keyNode.range[0]);
				node = pair.value;
			} else if (isSeq(node)) {
				const item = node.items[Number(key)] as Node | undefined;
				if (!item) return line;
				if (item.range) line = at(item.range[0]);
				node = item;
			} else return line;
		}
		return line;
	};
	return { value: problems.length ? undefined : doc.toJS(), lineOf, problems };
}
