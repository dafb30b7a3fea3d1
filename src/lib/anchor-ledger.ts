/**
 * The anchor ledger: every anchor the site has published (article paragraphs, explainer sections
 * and blocks, timeline events, people), with a fingerprint of the text it points at. It is
 * committed (src/content/anchors.json), so a shared link is a promise the build keeps: an anchor
 * that disappears, or now points at other text, stops the build until the author says where its
 * links should land (an alias at the text's new home, or a retirement naming a place).
 *
 * Pure: the content model passes the published anchors in and gets problems back; reading and
 * writing the file is src/model/read.ts's job.
 */
import type { Problem } from './problems';

/** The ledger file, from the project root. */
export const LEDGER_FILE = 'src/content/anchors.json';

export type AnchorKind = 'paragraph' | 'section' | 'block' | 'event' | 'person';

/** An anchor a page renders now. */
export interface PublishedAnchor {
	/** The page: `/explainers/what-nato-is/`. */
	page: string;
	/** The id on that page (`p7`, `intro-2`, `russia-ukraine-two-rounds`); for a person, their id on /people/. */
	id: string;
	kind: AnchorKind;
	/** The text it points at (a paragraph, a heading, an event's title and summary, a person's name and role). */
	text: string;
	/** The content file the author edits to change it. */
	file: string;
}

/** A recorded anchor: what it pointed at when it was published. */
export interface RecordedEntry {
	kind: AnchorKind;
	/** `fingerprint(text)`: the text's distinct words, each as a short hash, sorted. */
	fp: string;
	/** The text's opening words, for people reading the ledger and its messages. */
	text: string;
}
/** An id kept at its text's new home: the page renders an extra element with this id inside `alias`. */
export interface AliasEntry {
	alias: string;
}
/** An id whose text is gone: its links land on `retired` (another anchor on the page), for the reason given. */
export interface RetiredEntry {
	retired: string;
	reason: string;
}
export type LedgerEntry = RecordedEntry | AliasEntry | RetiredEntry;

/** Page path → anchor id → entry. */
export type Ledger = Record<string, Record<string, LedgerEntry>>;

export const isRecorded = (e: LedgerEntry): e is RecordedEntry => 'fp' in e;
export const isAlias = (e: LedgerEntry): e is AliasEntry => 'alias' in e;
export const isRetired = (e: LedgerEntry): e is RetiredEntry => 'retired' in e;

// ——— Fingerprints ———

/**
 * The words of a text, normalised so that typography is not a change: Unicode-normalised,
 * lowercase, apostrophes of any kind dropped (“Russia’s” = "Russias"), every other run of
 * non-letters and non-digits a break.
 */
export function words(text: string): string[] {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/['’‘ʼ`]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** FNV-1a, 32 bits, cut to 24 and written as 6 hex digits: short, and collisions within one paragraph are rare. */
function wordHash(word: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) {
		h ^= word.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return ((h >>> 0) & 0xffffff).toString(16).padStart(6, '0');
}

/** A text's fingerprint: its distinct words, hashed and sorted, space-separated. Order and repetition do not count. */
export function fingerprint(text: string): string {
	return [...new Set(words(text).map(wordHash))].sort().join(' ');
}

const setOf = (fp: string) => new Set(fp.split(' ').filter(Boolean));

/**
 * How much of two fingerprints is shared: the words in both over the words of the longer, from 0 to 1.
 * Against the longer, so that appending a paragraph to a short one is not "the same text".
 */
export function similarity(a: string, b: string): number {
	const x = setOf(a);
	const y = setOf(b);
	const size = Math.max(x.size, y.size);
	if (size === 0) return 1;
	let shared = 0;
	for (const w of x) if (y.has(w)) shared++;
	return shared / size;
}

/**
 * The tolerance: at least this share of the words in common is "the same text, edited". A typo
 * fixed, or a word or two changed in a sentence of ten or more words, keeps a link; one changed
 * word in a heading of five still does, in a heading of four it does not, and a rewrite never
 * does. Tested in tests/unit/anchor-ledger.test.ts.
 */
export const SAME_TEXT = 0.8;

export const sameText = (a: string, b: string): boolean => similarity(a, b) >= SAME_TEXT;

/** The opening words of a text, for the ledger and messages. */
export function opening(text: string, max = 60): string {
	const t = text.replace(/\s+/g, ' ').trim();
	return t.length <= max ? t : `${t.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

export const record = (a: Pick<PublishedAnchor, 'kind' | 'text'>): RecordedEntry => ({
	kind: a.kind,
	fp: fingerprint(a.text),
	text: opening(a.text),
});

// ——— Stable ids for explainer blocks ———

/**
 * Ids for an explainer's blocks that stay put when blocks are inserted, removed or moved. A block
 * whose text the ledger recorded (within the tolerance) keeps its recorded id; the best matches
 * are taken first, each id once. Any other block gets its positional id (`<section>-<n>`) when that
 * was never published on the page, else the next `<section>-<n>` never published: a new paragraph
 * at the top of a section never takes an id that links already point at.
 *
 * With no ledger (a new explainer) every block keeps its positional id.
 */
export function stableBlockIds(
	blocks: readonly { positional: string; section: string; text: string }[],
	recorded: Readonly<Record<string, LedgerEntry>> | undefined,
): string[] {
	const entries = Object.entries(recorded ?? {}).filter(
		(e): e is [string, RecordedEntry] => isRecorded(e[1]) && e[1].kind === 'block',
	);
	const ids: (string | undefined)[] = blocks.map(() => undefined);
	if (entries.length) {
		const fps = blocks.map((b) => fingerprint(b.text));
		const pairs: { block: number; id: string; score: number }[] = [];
		fps.forEach((fp, block) => {
			for (const [id, entry] of entries) {
				const score = similarity(fp, entry.fp);
				if (score >= SAME_TEXT) pairs.push({ block, id, score });
			}
		});
		// Best first; on a tie, a block keeps its own positional id, then document order decides.
		pairs.sort(
			(a, b) =>
				b.score - a.score ||
				Number(blocks[b.block]!.positional === b.id) - Number(blocks[a.block]!.positional === a.id) ||
				a.block - b.block,
		);
		const taken = new Set<string>();
		for (const { block, id } of pairs) {
			if (ids[block] !== undefined || taken.has(id)) continue;
			ids[block] = id;
			taken.add(id);
		}
	}
	const used = new Set<string>([...Object.keys(recorded ?? {}), ...ids.filter((i): i is string => !!i)]);
	return blocks.map((b, i) => {
		const kept = ids[i];
		if (kept) return kept;
		let id = b.positional;
		for (let n = 1; used.has(id); n++) id = `${b.section}-${n}`;
		used.add(id);
		return id;
	});
}

// ——— Checking and updating ———

const json = (value: unknown) => JSON.stringify(value);

/**
 * Every way the published anchors break the ledger's promises: a recorded anchor gone or now on
 * other text, an alias or retirement that points nowhere or hides a live anchor. New anchors are
 * not problems: `updateLedger` records them.
 */
export function checkLedger(ledger: Ledger, anchors: readonly PublishedAnchor[], ledgerFile = LEDGER_FILE): Problem[] {
	const problems: Problem[] = [];
	const byPage = Map.groupBy(anchors, (a) => a.page);
	for (const [page, entries] of Object.entries(ledger)) {
		const live = new Map((byPage.get(page) ?? []).map((a) => [a.id, a]));
		if (!live.size) {
			const ids = Object.keys(entries);
			problems.push({
				file: ledgerFile,
				field: page,
				message: `the page ${page} was published with ${ids.length} anchor${ids.length === 1 ? '' : 's'} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}) and no longer exists, so links to it would break`,
				fix: `restore the page; if it must go, remove "${page}" from ${ledgerFile} in the same change and say where readers should go instead`,
			});
			continue;
		}
		const anyFile = [...live.values()][0]!.file;
		for (const [id, entry] of Object.entries(entries)) {
			const here = live.get(id);
			if (isAlias(entry) || isRetired(entry)) {
				const target = isAlias(entry) ? entry.alias : entry.retired;
				const what = isAlias(entry) ? 'alias' : 'retired id';
				if (here)
					problems.push({
						file: here.file,
						field: `#${id}`,
						message: `${page}#${id} is both a live anchor and an ${what} in ${ledgerFile}: the page cannot have two elements with one id`,
						fix: `give the new ${here.kind} another id, or remove the ${what} "${id}" from ${ledgerFile}`,
					});
				else if (!live.has(target))
					problems.push({
						file: ledgerFile,
						field: `${page} → ${id}`,
						message: `the ${what} #${id} should land on #${target}, which ${page} does not have`,
						fix: `point it at an anchor the page has (${[...live.keys()].slice(0, 4).join(', ')}, …)`,
					});
				else if (isRetired(entry) && !entry.reason?.trim())
					problems.push({
						file: ledgerFile,
						field: `${page} → ${id}`,
						message: `the retired id #${id} gives no reason`,
						fix: 'add "reason": what happened to its text, for the next author',
					});
				continue;
			}
			const recordedAt = (file: string, issue: string): Problem => {
				// Where its words are now, if anywhere on the site: the alias the author most likely wants.
				const moved = anchors
					.filter((a) => a.kind === entry.kind && a.id !== id)
					.map((a) => ({ a, score: similarity(fingerprint(a.text), entry.fp) }))
					.filter((m) => m.score >= SAME_TEXT)
					.sort((x, y) => y.score - x.score)[0]?.a;
				const alias =
					moved && moved.page === page
						? `its text is now at #${moved.id}: keep the old id there by writing ${json(id)}: ${json({ alias: moved.id })} under ${json(page)} in ${ledgerFile} (the page then renders an extra element with id "${id}" at #${moved.id}, so old links land on the same words without JavaScript)`
						: `if its text moved, keep the old id at its new home by writing ${json(id)}: ${json({ alias: '<new id>' })} under ${json(page)} in ${ledgerFile}`;
				return {
					file,
					field: `#${id}`,
					message: `${page}#${id} was published pointing at “${entry.text}”, and ${issue}; links shared to it would land ${issue.startsWith('now') ? 'on other words' : 'nowhere'}`,
					fix: `${alias}; or, if the text is gone, retire the id and name where its links should land: ${json(id)}: ${json({ retired: '<anchor on the page>', reason: '<what happened to the text>' })}. Restoring the text also works.`,
				};
			};
			if (!here) problems.push(recordedAt(anyFile, 'no element on the page has that id any more'));
			else if (!sameText(fingerprint(here.text), entry.fp))
				problems.push(
					recordedAt(
						here.file,
						`now points at other text (“${opening(here.text)}”, ${Math.round(similarity(fingerprint(here.text), entry.fp) * 100)}% of the words in common; ${Math.round(SAME_TEXT * 100)}% counts as the same text edited)`,
					),
				);
		}
	}
	return problems;
}

/**
 * The ledger with every published anchor recorded: new anchors added, and recorded ones that
 * still hold (within the tolerance) re-fingerprinted to their current text, so small edits do not
 * add up to a "move". Aliases, retirements and broken entries are left as they are: fixing those is
 * the author's decision, which checkLedger asks for. Pages and ids come out sorted, for stable diffs.
 */
export function updateLedger(ledger: Ledger, anchors: readonly PublishedAnchor[]): { ledger: Ledger; added: number } {
	const next: Ledger = structuredClone(ledger);
	let added = 0;
	for (const a of anchors) {
		const page = (next[a.page] ??= {});
		const entry = page[a.id];
		if (!entry) {
			page[a.id] = record(a);
			added++;
		} else if (isRecorded(entry) && sameText(fingerprint(a.text), entry.fp)) page[a.id] = record(a);
	}
	const sorted: Ledger = {};
	for (const page of Object.keys(next).sort())
		sorted[page] = Object.fromEntries(
			Object.entries(next[page]!).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
		);
	return { ledger: sorted, added };
}

/** The aliases and retired ids to render, as page → [old id, the anchor it lands on]. */
export function aliasesOf(ledger: Ledger): Map<string, [string, string][]> {
	const out = new Map<string, [string, string][]>();
	for (const [page, entries] of Object.entries(ledger)) {
		const list = Object.entries(entries).flatMap(([id, e]): [string, string][] =>
			isAlias(e) ? [[id, e.alias]] : isRetired(e) ? [[id, e.retired]] : [],
		);
		if (list.length) out.set(page, list);
	}
	return out;
}

/** Parses the ledger's text, with a clear problem for a malformed file. */
export function parseLedger(text: string | undefined, file = LEDGER_FILE): { ledger: Ledger; problems: Problem[] } {
	if (text === undefined) return { ledger: {}, problems: [] };
	const fail = (message: string): { ledger: Ledger; problems: Problem[] } => ({
		ledger: {},
		problems: [
			{
				file,
				field: 'ledger',
				message,
				fix: `fix the JSON by hand (aliases and retirements are the only hand edits), or restore it from git and run npm run anchors`,
			},
		],
	});
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return fail(`is not valid JSON: ${(error as Error).message}`);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('is not an object of pages');
	for (const [page, entries] of Object.entries(value)) {
		if (typeof entries !== 'object' || entries === null) return fail(`"${page}" is not an object of anchors`);
		for (const [id, e] of Object.entries(entries as Record<string, unknown>)) {
			const ok =
				typeof e === 'object' &&
				e !== null &&
				(typeof (e as RecordedEntry).fp === 'string' ||
					typeof (e as AliasEntry).alias === 'string' ||
					typeof (e as RetiredEntry).retired === 'string');
			if (!ok)
				return fail(
					`"${page}" → "${id}" is neither a recorded anchor (fp) nor an alias ({"alias": "<id>"}) nor a retirement ({"retired": "<id>", "reason": "…"})`,
				);
		}
	}
	return { ledger: value as Ledger, problems: [] };
}

/** The ledger as written to disk: tab-indented JSON with a final newline (what Prettier leaves alone). */
export const serialiseLedger = (ledger: Ledger): string => `${JSON.stringify(ledger, null, '\t')}\n`;
