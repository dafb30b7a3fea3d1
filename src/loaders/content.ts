/**
 * The loaders of the five collections. Each asks for the one content model (src/model), which
 * reads and parses every content file once and runs every content check; if any check fails,
 * every loader stops the build with the whole list of problems. Otherwise each stores its
 * collection's entries, with what the model worked out (paragraphs, citations, backlinks,
 * mentions) in their data, so pages read it from the store instead of parsing again.
 *
 * Explainers are stored as `glob()` stores MDX (`deferredRender`), so `render(entry)` compiles
 * them through @astrojs/mdx with their components. Articles are not compiled at all: they are
 * verbatim text, which the model checks is nothing but paragraphs (some in blockquotes), and the
 * article page renders those paragraphs from the store. Each article is parsed once per build.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { LEDGER_FILE } from '../lib/anchor-ledger';
import { ContentError, formatProblems } from '../lib/problems';
import type { ContentModel } from '../model/build';
import { CONTENT_PATHS, loadContentModel, updateAnchorLedger } from '../model/read';

export type CollectionName = 'articles' | 'explainers' | 'people' | 'events' | 'corrections';

interface StoredEntry {
	id: string;
	data: Record<string, unknown>;
	/** Path from the project root. */
	filePath?: string;
	/** For MDX that `render()` compiles. */
	deferredRender?: boolean;
}

/** What each collection stores: the frontmatter as written (the collection schema validates it) and the model's facts. */
const ENTRIES: Record<CollectionName, (model: ContentModel) => StoredEntry[]> = {
	articles: (m) =>
		m.articles.map((a) => ({
			id: a.id,
			filePath: a.file,
			data: { ...a.input, paragraphs: a.paragraphs, backlinks: a.backlinks },
		})),
	explainers: (m) =>
		m.explainers.map((e) => ({
			id: e.id,
			filePath: e.file,
			deferredRender: true,
			data: {
				...e.input,
				sections: e.sections,
				paragraphs: e.paragraphs,
				citations: e.citations,
				articles: e.articles,
				people: e.people,
			},
		})),
	people: (m) =>
		m.people.map((p) => ({ id: p.id, data: { ...p.input, mentions: p.mentions, explainers: p.explainers } })),
	events: (m) => m.events.map((e) => ({ id: e.id, data: e.input })),
	corrections: (m) => m.corrections.map((c) => ({ id: c.id, data: { ...c.input, position: c.position } })),
};

async function store(context: LoaderContext, collection: CollectionName, model: ContentModel): Promise<void> {
	const keep = new Set<string>();
	for (const entry of ENTRIES[collection](model)) {
		keep.add(entry.id);
		const digest = context.generateDigest(JSON.stringify(entry.data));
		const existing = context.store.get(entry.id);
		if (existing?.digest === digest) {
			// Unchanged: glob() re-registers the module import the same way, or render() could not find it.
			if (existing.deferredRender && existing.filePath) context.store.addModuleImport(existing.filePath);
			continue;
		}
		const data = await context.parseData({
			id: entry.id,
			data: entry.data,
			...(entry.filePath ? { filePath: fileURLToPath(new URL(entry.filePath, context.config.root)) } : {}),
		});
		context.store.set({
			id: entry.id,
			data,
			digest,
			...(entry.filePath ? { filePath: entry.filePath } : {}),
			...(entry.deferredRender ? { deferredRender: true } : {}),
		});
	}
	for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);
}

const WATCHED = Object.values(CONTENT_PATHS);

/** The loader of one collection, fed by the shared content model. */
export function contentLoader(collection: CollectionName): Loader {
	return {
		name: `content-model-${collection}`,
		load: async (context) => {
			const sync = async () => {
				// `npm run anchors`: record new anchors in the ledger first (moves and removals stay problems).
				if (process.env.ANCHOR_LEDGER === 'update') {
					const { added } = await updateAnchorLedger(context.config.root);
					if (added && collection === 'articles')
						context.logger.info(`Recorded ${added} new anchor${added === 1 ? '' : 's'} in ${LEDGER_FILE}.`);
				}
				const { model, problems } = await loadContentModel(context.config.root);
				if (problems.length) throw new ContentError(problems);
				await store(context, collection, model);
				if (collection === 'articles') {
					const unrecorded = model.anchors.filter((a) => !model.ledger[a.page]?.[a.id]).length;
					if (unrecorded)
						context.logger.warn(
							`${unrecorded} published anchor${unrecorded === 1 ? ' is' : 's are'} not in ${LEDGER_FILE} yet: run npm run anchors and commit it, so links to them are kept.`,
						);
				}
			};
			await sync();
			// In `astro dev`: any content change may change this collection (backlinks, mentions), so
			// every loader syncs again; the model is built once for all of them.
			const root = fileURLToPath(context.config.root);
			const watched = WATCHED.map((p) => fileURLToPath(new URL(p, context.config.root)));
			context.watcher?.add(watched);
			const onChange = (path: string) => {
				if (!path.startsWith(root) || !watched.some((w) => path === w || path.startsWith(`${w}/`))) return;
				sync().catch((error: Error) =>
					context.logger.error(error instanceof ContentError ? formatProblems(error.problems) : error.message),
				);
			};
			context.watcher?.on('change', onChange);
			context.watcher?.on('add', onChange);
			context.watcher?.on('unlink', onChange);
		},
	};
}
