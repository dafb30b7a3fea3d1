/**
 * Reads the content files from disk and builds the content model, once per state of the files:
 * the four collections' loaders all ask for it during one sync, and share one read and one build.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildContentModel, type ContentFiles, type ContentModel } from './build';
import { serialiseLedger, updateLedger } from '../lib/anchor-ledger';
import type { Problem } from '../lib/problems';

/** Where content lives, from the project root. */
export const CONTENT_PATHS = {
	articles: 'src/content/articles',
	explainers: 'src/content/explainers',
	people: 'src/content/people.yaml',
	events: 'src/content/events.yaml',
	corrections: 'src/content/corrections.yaml',
	raw: 'public/sources',
	anchors: 'src/content/anchors.json',
} as const;

export interface ModelResult {
	model: ContentModel;
	problems: Problem[];
}

const list = async (dir: URL): Promise<string[]> => (await readdir(dir).catch(() => [] as string[])).sort();

/** Every content path with its size and modification time: what decides whether the model is current. */
async function fingerprint(root: URL): Promise<string> {
	const paths = [
		...(await list(new URL(`${CONTENT_PATHS.articles}/`, root))).map((f) => `${CONTENT_PATHS.articles}/${f}`),
		...(await list(new URL(`${CONTENT_PATHS.explainers}/`, root))).map((f) => `${CONTENT_PATHS.explainers}/${f}`),
		CONTENT_PATHS.people,
		CONTENT_PATHS.events,
		CONTENT_PATHS.corrections,
		CONTENT_PATHS.anchors,
		...(await list(new URL(`${CONTENT_PATHS.raw}/`, root))).map((f) => `${CONTENT_PATHS.raw}/${f}`),
	];
	const stats = await Promise.all(
		paths.map((p) =>
			stat(new URL(p, root)).then(
				(s) => `${p}:${s.size}:${s.mtimeMs}`,
				() => `${p}:-`,
			),
		),
	);
	return `${fileURLToPath(root)}\n${stats.join('\n')}`;
}

/** The content files under `root`, read from disk. */
export async function readContentFiles(root: URL): Promise<ContentFiles> {
	const read = (path: string) => readFile(new URL(path, root), 'utf8');
	const mdx = async (dir: string) => {
		const names = await list(new URL(`${dir}/`, root));
		const files = await Promise.all(
			names
				.filter((n) => n.endsWith('.mdx'))
				.map(async (n) => ({ file: `${dir}/${n}`, text: await read(`${dir}/${n}`) })),
		);
		// Dot-files (editor swap files, .DS_Store) are not content.
		return { files, strays: names.filter((n) => !n.endsWith('.mdx') && !n.startsWith('.')).map((n) => `${dir}/${n}`) };
	};
	const optional = (path: string) =>
		read(path).then(
			(text) => ({ file: path, text }),
			() => undefined,
		);
	const [articles, explainers, people, events, corrections, anchors, rawNames] = await Promise.all([
		mdx(CONTENT_PATHS.articles),
		mdx(CONTENT_PATHS.explainers),
		optional(CONTENT_PATHS.people),
		optional(CONTENT_PATHS.events),
		optional(CONTENT_PATHS.corrections),
		optional(CONTENT_PATHS.anchors),
		list(new URL(`${CONTENT_PATHS.raw}/`, root)),
	]);
	const raw = new Map(
		await Promise.all(
			rawNames
				.filter((n) => n.endsWith('.txt'))
				.map(async (n): Promise<[string, string]> => [n, await read(`${CONTENT_PATHS.raw}/${n}`)]),
		),
	);
	return {
		articles: articles.files,
		explainers: explainers.files,
		people,
		events,
		corrections,
		anchors,
		strays: [...articles.strays, ...explainers.strays],
		raw,
	};
}

/**
 * The last model built, on `globalThis`: one build loads this module more than once (the config's
 * integrations, which run the grounding check, and the content loaders), and all must share it.
 */
const CURRENT = Symbol.for('talks.contentModel');
const shared = globalThis as { [CURRENT]?: { key: string; result: Promise<ModelResult> } };

/**
 * The content model of the project at `root`. Calls while the files are unchanged share one
 * read and one build; after a change, only the changed files are parsed again.
 */
export async function loadContentModel(root: URL): Promise<ModelResult> {
	const key = await fingerprint(root);
	if (shared[CURRENT]?.key !== key) shared[CURRENT] = { key, result: readContentFiles(root).then(buildContentModel) };
	return shared[CURRENT].result;
}

/**
 * Records every anchor the model publishes that the ledger lacks (and follows small edits of
 * recorded ones), writing src/content/anchors.json: `npm run anchors`. Moves and removals are
 * not recorded: the model reports them as problems until the author writes an alias or retires the id.
 */
export function updateAnchorLedger(root: URL): Promise<{ added: number; problems: Problem[] }> {
	// The four loaders all ask at once: one update serves them.
	return (updating ??= update(root));
}
let updating: Promise<{ added: number; problems: Problem[] }> | undefined;

async function update(root: URL): Promise<{ added: number; problems: Problem[] }> {
	const { model, problems } = await loadContentModel(root);
	const { ledger, added } = updateLedger(model.ledger, model.anchors);
	const text = serialiseLedger(ledger);
	const path = new URL(CONTENT_PATHS.anchors, root);
	const before = await readFile(path, 'utf8').catch(() => undefined);
	if (before !== text) await writeFile(path, text);
	return { added, problems };
}
