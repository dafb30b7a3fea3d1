/**
 * Runs the real build on a temporary copy of the project with one fixture applied. The copy
 * has its own node_modules directory of symlinks, so Astro's and Vite's caches
 * (node_modules/.astro, node_modules/.vite) stay inside it and never touch the project's.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface BuildFixture {
	/** What is broken, in a sentence. */
	description: string;
	/**
	 * `sync` loads content only (schemas and the loaders' checks): quick. `build` also compiles
	 * MDX, renders every page and runs the build-end checks (links, CSP).
	 */
	run: 'sync' | 'build';
	/** Files to write, by path from the project root; a function edits the existing file. */
	files?: Record<string, string | ((current: string) => string)>;
	/** Files to delete, by path from the project root. */
	remove?: string[];
	/** The problem the build must stop with: `file → field: message`, then `Fix: fix`. */
	expect: { file: string; field: string | RegExp; message: string | RegExp; fix: string | RegExp };
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
const COPIED = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
/** Caches that must stay per copy. */
const NOT_LINKED = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/** A fresh copy of the project in a temporary folder. */
export function copyProject(root = mkdtempSync(join(tmpdir(), 'talks-build-'))): string {
	for (const entry of COPIED) cpSync(join(PROJECT, entry), join(root, entry), { recursive: true });
	mkdirSync(join(root, 'node_modules'));
	for (const entry of readdirSync(join(PROJECT, 'node_modules'))) {
		if (!NOT_LINKED.has(entry)) symlinkSync(join(PROJECT, 'node_modules', entry), join(root, 'node_modules', entry));
	}
	// Preview cards are cached by content hash and written atomically, so copies can share the
	// project's card cache: a fixture build then renders only the cards its change touches.
	const cards = join(PROJECT, 'node_modules/.cache/og-cards');
	mkdirSync(cards, { recursive: true });
	mkdirSync(join(root, 'node_modules/.cache'));
	symlinkSync(cards, join(root, 'node_modules/.cache/og-cards'));
	return root;
}

export function applyFixture(root: string, fixture: BuildFixture): void {
	for (const [path, content] of Object.entries(fixture.files ?? {})) {
		const file = join(root, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, typeof content === 'string' ? content : content(readFileSync(file, 'utf8')));
	}
	for (const path of fixture.remove ?? []) rmSync(join(root, path));
}

export interface RunResult {
	code: number | null;
	output: string;
}

/** Runs `astro <command>` in `root` with the project's own Node. */
export function astro(root: string, command: 'sync' | 'build'): Promise<RunResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), command], {
			cwd: root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
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
	field: string;
	message: string;
	fix: string;
}

/** Problems as `formatProblems` writes them, read back from build output. */
export function reportedProblems(output: string): ReportedProblem[] {
	const found: ReportedProblem[] = [];
	const lines = output.split('\n');
	lines.forEach((line, i) => {
		const head = /^ {2}(\S.*?) → (.+?): (.*)$/.exec(line);
		if (!head) return;
		const rest = lines.slice(i + 1);
		const fixAt = rest.findIndex((l) => /^ {4}Fix: /.test(l));
		if (fixAt === -1) return;
		found.push({
			file: head[1] ?? '',
			field: head[2] ?? '',
			message: [head[3], ...rest.slice(0, fixAt)].join('\n'),
			fix: (rest[fixAt] ?? '').replace(/^ {4}Fix: /, ''),
		});
	});
	return found;
}
