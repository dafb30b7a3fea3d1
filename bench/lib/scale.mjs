/**
 * The build at scale: a temporary copy of the project with N synthetic articles made from the
 * real ones. Each keeps its source's structure but has about a third of its words swapped for
 * others from the corpus (the same swap in the MDX, in its generated raw source file and in its
 * editor's notes), so the articles are distinct for search and still pass every content check:
 * nothing is disabled, and the notes are rendered and checked as the real ones are.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { copyProject as copyTo } from '../../scripts/copy-project.mjs';
import { PROJECT, dirBytes, listFiles, run } from './common.mjs';

/** A copy of the project (scripts/copy-project.mjs) with all its own caches (the preview cards' too). */
export const copyProject = (prefix) => copyTo({ prefix });

/** FNV-1a, for deterministic choices. */
function hash(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

const WORD = /\p{L}{4,}/gu;

/** The real articles: frontmatter, body and raw source text. */
export function realArticles(root = PROJECT) {
	const dir = join(root, 'src/content/articles');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.sort()
		.map((f) => {
			const text = readFileSync(join(dir, f), 'utf8');
			const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
			const data = parse(yaml);
			return {
				id: f.replace(/\.mdx$/, ''),
				data,
				body,
				raw: readFileSync(join(root, 'public/sources', data.sourceFile), 'utf8'),
			};
		});
}

/** Writes `count` synthetic articles (and their raw sources) into the project at `root`. */
export function generateArticles(root, count) {
	const real = realArticles(root);
	const vocabulary = [...new Set(real.flatMap((a) => a.raw.toLowerCase().match(WORD) ?? []))].sort();
	for (let i = 0; i < count; i++) {
		const base = real[i % real.length];
		const swap = (text) =>
			text.replace(WORD, (word) => {
				const h = hash(`${i}:${word}`);
				if (h % 3 !== 0) return word;
				const other = vocabulary[hash(`${word}:${i}`) % vocabulary.length];
				return word[0] === word[0].toUpperCase() ? other[0].toUpperCase() + other.slice(1) : other;
			});
		const removed = new Set((base.data.removed ?? []).map((r) => r.text));
		const raw = base.raw
			.split('\n')
			.map((line) => (removed.has(line) ? line : swap(line)))
			.join('\n');
		const sourceFile = `900_${i.toString(16).padStart(16, '0')}.txt`;
		const body = swap(base.body);
		// A note's quote gets the same swap as its paragraph; the few whose quote starts or ends inside a
		// word (the swap works on whole words) would no longer match, and are left out.
		const notes = (base.data.notes ?? [])
			.map((note) => ({ ...note, quote: swap(note.quote) }))
			.filter((note) => body.includes(note.quote));
		const data = { ...base.data, title: swap(base.data.title), sourceFile, notes };
		writeFileSync(join(root, 'public/sources', sourceFile), raw);
		writeFileSync(
			join(root, 'src/content/articles', `${base.id}-${String(i).padStart(4, '0')}.mdx`),
			`---\n${stringify(data, { lineWidth: 0 })}---\n${body}`,
		);
	}
}

/**
 * The most parses of any one content file, for the model and for rendering (src/lib/parse-count.ts):
 * 1 and 1 when each file is parsed once. Undefined on a build that does not report them.
 */
function parseSummary(file) {
	if (!existsSync(file)) return undefined;
	const counts = JSON.parse(readFileSync(file, 'utf8'));
	const most = (kind) => Math.max(0, ...Object.values(counts[kind] ?? {}));
	return { files: Object.keys(counts.model ?? {}).length, modelMax: most('model'), renderMax: most('render') };
}

/** Builds a copy of the project with `count` synthetic articles; returns its figures and dist. */
export async function buildAtScale(count) {
	const root = copyProject(`talks-scale-${count}-`);
	generateArticles(root, count);
	const counts = join(root, 'parse-counts.json');
	const build = await run(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: root,
		// Quote cards off, as CONTRIBUTING advises for a site this size: at 5,000 articles they would be
		// some 60,000 images (bench/results/cards.md projects their cost). Page cards stay on.
		env: {
			...process.env,
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			QUOTE_CARDS: process.env.QUOTE_CARDS ?? 'off',
			CONTENT_PARSE_COUNTS: counts,
		},
	});
	if (build.code !== 0) throw new Error(`build with ${count} synthetic articles failed:\n${build.output.slice(-4000)}`);
	const dist = join(root, 'dist');
	const pages = listFiles(dist).filter((f) => f.endsWith('.html')).length;
	const pagefind = join(dist, 'pagefind');
	// The index proper: entry, metadata, word index, fragments, filters and the WebAssembly (not the UI bundles).
	const indexBytes = dirBytes(pagefind, (f) => !/pagefind-(component-|modular-)?ui\.|pagefind-highlight/.test(f));
	return {
		root,
		dist,
		articles: count + 5,
		pages,
		buildSeconds: Number(build.seconds.toFixed(1)),
		secondsPerPage: Number((build.seconds / pages).toFixed(4)),
		indexBytes,
		parses: parseSummary(counts),
		cleanup: () => rmSync(root, { recursive: true, force: true }),
	};
}
