/**
 * Runs the real build on a temporary copy of the project with one fixture applied. The copy
 * has its own node_modules directory of symlinks, so Astro's and Vite's caches
 * (node_modules/.astro, node_modules/.vite) stay inside it and never touch the project's.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { copyProject as copyProjectTo } from '../../scripts/copy-project.mjs';

export interface BuildFixture {
	/** What is broken, in a sentence. */
	description: string;
	/**
	 * `sync` loads content only (schemas and the loaders' checks): quick. `build` also compiles
	 * MDX, renders every page and runs the build-end checks (links, CSP).
	 */
	run: 'sync' | 'build';
	/**
	 * Files to write, by path from the project root. A function gets the file's text ('' for a new
	 * file) and a reader for any other file of the copy, and returns the new text.
	 */
	files?: Record<string, string | ((current: string, read: (path: string) => string) => string)>;
	/** Files to delete, by path from the project root. */
	remove?: string[];
	/**
	 * Run in a copy of its own. Otherwise a `sync` fixture shares one `astro sync` with others that
	 * touch none of its files (every problem is reported at once, so each still finds its own). A
	 * fixture whose edit changes what the others are checked against (the list of people or of
	 * articles, a whole collection) runs alone.
	 */
	alone?: boolean;
	/**
	 * `build` fixtures with the same group share one `astro build` (each full build costs seconds of
	 * both cores). Give one only to fixtures that stop the build at the same step (the grounding check,
	 * the build-end link check), so none hides another's problem; each still has to find its own.
	 */
	group?: string;
	/** The problem the build must stop with: `file:line → field: message`, then `Fix: fix` (`line` when the report gives one). */
	expect: { file: string; line?: number; field: string | RegExp; message: string | RegExp; fix: string | RegExp };
}

export const defineFixture = (fixture: BuildFixture): BuildFixture => fixture;

/**
 * An edit that replaces `from` with `to`, and throws when `from` is not there: a fixture must
 * never pass because the content it breaks has changed and its edit silently did nothing.
 */
export const replace =
	(from: string, to: string) =>
	(text: string): string => {
		if (!text.includes(from)) throw new Error(`fixture edit: "${from}" not found`);
		return text.replace(from, to);
	};

const PROJECT = resolve(import.meta.dirname, '../..');
/** What the content model reads (src/model/read.ts): all a fixture of the model needs. */
const CONTENT = ['src/content', 'public/sources'];

/** A fresh copy of the project in a temporary folder, sharing the project's preview-card cache. */
export const copyProject = (): string => copyProjectTo({ shareCards: true });

/**
 * A copy of the content alone (src/content, public/sources), for running the content model on a
 * fixture in-process: what the loaders would stop `astro sync` with, in milliseconds.
 */
export function copyContent(root = mkdtempSync(join(tmpdir(), 'talks-content-'))): string {
	for (const entry of CONTENT) cpSync(join(PROJECT, entry), join(root, entry), { recursive: true });
	return root;
}

/** Whether every file a fixture writes or deletes is content the model reads. */
export const onlyContent = (fixture: BuildFixture): boolean =>
	touched(fixture).every((path) => CONTENT.some((dir) => path.startsWith(`${dir}/`)));

export function applyFixture(root: string, fixture: BuildFixture): void {
	const read = (path: string) => readFileSync(join(root, path), 'utf8');
	for (const [path, content] of Object.entries(fixture.files ?? {})) {
		const file = join(root, path);
		mkdirSync(dirname(file), { recursive: true });
		const current = existsSync(file) ? read(path) : '';
		writeFileSync(file, typeof content === 'string' ? content : content(current, read));
	}
	for (const path of fixture.remove ?? []) rmSync(join(root, path));
}

/** Paths a fixture writes or deletes. */
export const touched = (fixture: BuildFixture): string[] => [
	...Object.keys(fixture.files ?? {}),
	...(fixture.remove ?? []),
];

/**
 * Groups fixtures into runs: an `alone` fixture, or a `build` fixture without a group, gets a run
 * of its own; `sync` fixtures share a run with others that touch none of the same files, and
 * `build` fixtures with others of their group that do, at most `size` to a run.
 */
export function batches<T extends { fixture: BuildFixture }>(items: readonly T[], size = 12): T[][] {
	const runs: { items: T[]; paths: Set<string>; key: string | undefined }[] = [];
	for (const item of items) {
		const { run: command, alone, group } = item.fixture;
		const paths = touched(item.fixture);
		const key = alone ? undefined : command === 'sync' ? 'sync' : group && `build:${group}`;
		const run = key
			? runs.find((r) => r.key === key && r.items.length < size && paths.every((p) => !r.paths.has(p)))
			: undefined;
		if (run) {
			run.items.push(item);
			paths.forEach((p) => run.paths.add(p));
		} else runs.push({ items: [item], paths: new Set(paths), key });
	}
	return runs.map((r) => r.items);
}

/**
 * A small explainer, valid as it stands, with `body` after one cited paragraph: for fixtures that
 * add an explainer with one mistake. `order` 4 follows the three real explainers.
 */
export const newExplainer = (body: string, order = 4): string =>
	[
		'---',
		'title: A fixture explainer',
		'description: An explainer written for a broken-content fixture, with one mistake in it and nothing else wrong.',
		`order: ${order}`,
		'---',
		'',
		'NATO and the United States rejected the Russian demand. <Cite article="nato-russia-council-rejects-key-demands" p="p1" />',
		'',
		body,
		'',
	].join('\n');

export interface RunResult {
	code: number | null;
	output: string;
}

/** Runs `astro <command>` in `root` with the project's own Node; `env` adds to the environment. */
export function astro(root: string, command: 'sync' | 'build', env: Record<string, string> = {}): Promise<RunResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), command], {
			cwd: root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('error', fail);
		child.on('close', (code) => done({ code, output }));
	});
}

export interface ReportedProblem {
	file: string;
	/** The line, when the report names one (`file:line`). */
	line?: number | undefined;
	field: string;
	message: string;
	fix: string;
}

/** Problems as `formatProblems` writes them, read back from build output. */
export function reportedProblems(output: string): ReportedProblem[] {
	const found: ReportedProblem[] = [];
	const lines = output.split('\n');
	lines.forEach((line, i) => {
		const head = /^ {2}(\S.*?)(?::(\d+))? → (.+?): (.*)$/.exec(line);
		if (!head) return;
		const rest = lines.slice(i + 1);
		const fixAt = rest.findIndex((l) => /^ {4}Fix: /.test(l));
		if (fixAt === -1) return;
		found.push({
			file: head[1] ?? '',
			line: head[2] ? Number(head[2]) : undefined,
			field: head[3] ?? '',
			message: [head[4], ...rest.slice(0, fixAt)].join('\n'),
			fix: (rest[fixAt] ?? '').replace(/^ {4}Fix: /, ''),
		});
	});
	return found;
}
