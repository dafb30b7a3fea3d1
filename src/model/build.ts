/**
 * The content model: every content file parsed once into one typed structure, and every content
 * check run over it. Pure: it takes file texts (src/model/read.ts reads them from disk) and
 * returns the model and every problem found, all at once.
 *
 * Parsing is memoised per file text, so a file is parsed once however many collections' loaders
 * ask for the model, and in `astro dev` only the files that changed are parsed again.
 */
import { z } from 'astro/zod';
import { articleParagraphsOf, paragraphNodes, type ArticleParagraph } from '../lib/paragraphs';
import { articleDate } from '../lib/article-dates';
import { checkLedger, LEDGER_FILE, parseLedger, type Ledger, type PublishedAnchor } from '../lib/anchor-ledger';
import { byDate } from '../lib/articles';
import { buildBacklinks, type Backlink } from '../lib/backlinks';
import { checkArticles, MDX_FIX, parseFailure } from '../lib/article-checks';
import { checkCorrections } from '../lib/corrections';
import { isKebabId } from '../lib/ids';
import { indexArticles, type ParagraphIndex } from '../lib/citations';
import { isoDate, yamlDateProblems } from '../lib/dates';
import { checkEvents } from '../lib/event-checks';
import { compareEvents } from '../lib/events';
import { analyseExplainerTree, type ExplainerAnalysis } from '../lib/explainer-analysis';
import { checkExplainer } from '../lib/explainer-checks';
import type { Claim } from '../lib/grounding';
import { eventClaims, explainerClaims } from '../lib/grounding-claims';
import { numberedCitations, type NumberedCitation } from '../lib/explainer-citations';
import { byOrder } from '../lib/explainers';
import { parseMdx } from '../lib/mdx';
import { findMentions } from '../lib/mentions';
import { numberNotes } from '../lib/notes';
import { checkPeople } from '../lib/people-checks';
import { issuesToProblems, type Problem } from '../lib/problems';
import { SITE_PERIOD } from '../lib/site';
import { articleSchema } from '../schemas/articles';
import { correctionSchema } from '../schemas/corrections';
import { eventSchema } from '../schemas/events';
import { explainerSchema } from '../schemas/explainers';
import { personSchema } from '../schemas/people';
import { isProblem, parseYaml, splitMdx, type YamlText } from './source';

/** A content file as read: its path from the project root and its text. */
export interface SourceFile {
	file: string;
	text: string;
}

export interface ContentFiles {
	/** src/content/articles/*.mdx */
	articles: SourceFile[];
	/** src/content/explainers/*.mdx */
	explainers: SourceFile[];
	people: SourceFile | undefined;
	events: SourceFile | undefined;
	/** src/content/corrections.yaml, the public corrections log (absent before anything is corrected). */
	corrections?: SourceFile | undefined;
	/** src/content/anchors.json, the anchor ledger (absent before anything is published). */
	anchors?: SourceFile | undefined;
	/** Files in the articles and explainers folders that are not .mdx, and so would be ignored. */
	strays: string[];
	/** public/sources/*.txt by file name. */
	raw: ReadonlyMap<string, string>;
}

/** Schemas with plain strings in place of Astro's `reference()`, which the checks resolve themselves. */
export const plainArticleSchema = articleSchema({ person: z.string(), article: z.string() });
export const plainEventSchema = eventSchema({ person: z.string() });
export type ArticleData = z.infer<typeof plainArticleSchema>;
export type ExplainerData = z.infer<typeof explainerSchema>;
export type PersonData = z.infer<typeof personSchema>;
export type EventData = z.infer<typeof plainEventSchema>;
export type CorrectionData = z.infer<typeof correctionSchema>;

export interface ArticleModel {
	id: string;
	file: string;
	/** The frontmatter as written (what the collection schema validates again, with references). */
	input: Record<string, unknown>;
	data: ArticleData;
	/** Paragraphs with their stable ids (`p1`…), plain text and blockquote: what the article page renders. */
	paragraphs: ArticleParagraph[];
	/** Where explainers cite each paragraph, by paragraph id. */
	backlinks: Record<string, Backlink[]>;
}

export interface ExplainerModel {
	id: string;
	file: string;
	input: Record<string, unknown>;
	data: ExplainerData;
	sections: ExplainerAnalysis['sections'];
	/** Paragraphs with their ids (`<section>-<n>`) and plain text. */
	paragraphs: ExplainerAnalysis['paragraphs'];
	/** The page's citations, one per number, resolved to the paragraph text. */
	citations: NumberedCitation[];
	/** Ids of the articles it cites and the people it names, in order of first appearance. */
	articles: string[];
	people: string[];
	/** The full analysis (not stored: the content checks and the model use it). */
	analysis: ExplainerAnalysis;
}

export interface PersonModel {
	id: string;
	input: Record<string, unknown>;
	data: PersonData;
	/** Source paragraphs that name the person, in article date order. */
	mentions: { article: string; p: string }[];
	/** Where explainers name them with `<Person>`. */
	explainers: { id: string; title: string; uses: { href: string; section: string }[] }[];
}

export interface EventModel {
	id: string;
	input: Record<string, unknown>;
	data: EventData;
}

export interface CorrectionModel {
	id: string;
	input: Record<string, unknown>;
	data: CorrectionData;
	/** Its place in the file (0-based), which follows each page from top to bottom: the log's order. */
	position: number;
}

export interface ContentModel {
	/** Oldest first. */
	articles: ArticleModel[];
	/** In reading order. */
	explainers: ExplainerModel[];
	people: PersonModel[];
	/** In timeline order. */
	events: EventModel[];
	/** The corrections log, in the order of its file. */
	corrections: CorrectionModel[];
	/** Paragraph text by article and paragraph id: the one index every citation resolves against. */
	index: ParagraphIndex;
	/** Every anchor the pages publish, with its text: what the anchor ledger records and checks. */
	anchors: PublishedAnchor[];
	/** The ledger as read. */
	ledger: Ledger;
	/**
	 * The explainers' and events' sentences with the sources each cites, for the grounding check
	 * (src/integrations/grounding.ts), taken from the same trees and YAML as everything else.
	 */
	claims: Claim[];
}

// ——— Parsing, once per file text ———

interface ParsedMdx {
	split: ReturnType<typeof splitMdx>;
	yaml?: YamlText;
	tree?: ReturnType<typeof parseMdx>;
	/** Why the body is not valid MDX, with its line in the file. */
	failure?: { message: string; line: number };
}

const memo = new Map<string, { text: string; parsed: ParsedMdx }>();

/** The frontmatter and body tree of an MDX file: parsed on the first call for this text, remembered after. */
export function parseMdxFile(file: string, text: string): ParsedMdx {
	const hit = memo.get(file);
	if (hit?.text === text) return hit.parsed;
	const split = splitMdx(file, text);
	const parsed: ParsedMdx = { split };
	if (!isProblem(split)) {
		parsed.yaml = parseYaml(file, split.yaml, split.yamlLine);
		try {
			parsed.tree = parseMdx(split.body, file);
		} catch (error) {
			const e = error as { line?: number };
			parsed.failure = { message: parseFailure(error), line: split.bodyLine + (e.line ?? 1) - 1 };
		}
	}
	memo.set(file, { text, parsed });
	return parsed;
}

// ——— Helpers ———

const idOf = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.mdx$/, '');

/** `notes[0].see[1].article` → ['notes', 0, 'see', 1, 'article'] */
const pathOf = (field: string): PropertyKey[] =>
	(field.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** Zod's problems with a frontmatter, plus dates that are not real days, with lines. */
function frontmatterProblems(
	file: string,
	parsed: ParsedMdx,
	schema: z.ZodType,
): { data?: unknown; problems: Problem[] } {
	const split = parsed.split;
	if (isProblem(split)) return { problems: [split] };
	const yaml = parsed.yaml!;
	if (yaml.problems.length) return { problems: yaml.problems };
	if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value))
		return {
			problems: [
				{
					file,
					line: split.yamlLine,
					field: 'frontmatter',
					message: 'the frontmatter is not a list of fields',
					fix: 'write one field a line, as name: value',
				},
			],
		};
	const dates = yamlDateProblems(split.yaml).map((d): Problem => ({
		file,
		line: split.yamlLine + d.line - 1,
		field: d.key,
		message: `"${d.value}" (line ${split.yamlLine + d.line - 1} of the file) is not a real calendar date`,
		fix: 'write the date as YYYY-MM-DD with a real month and day, e.g. 2022-01-10',
	}));
	const result = schema.safeParse(yaml.value);
	const badDates = new Set(dates.map((d) => d.field));
	const issues = result.success
		? []
		: issuesToProblems(file, result.error.issues)
				.filter((p) => !badDates.has(p.field))
				.map((p) => ({ ...p, line: yaml.lineOf(pathOf(p.field)) }));
	const problems = [...dates, ...issues];
	return { data: problems.length ? undefined : result.data, problems };
}

/** File names are URLs: lowercase kebab-case, and never two that differ only by case. */
function fileNameProblems(files: readonly SourceFile[], collection: string): Problem[] {
	const problems: Problem[] = [];
	const byUrl = Map.groupBy(files, (f) => idOf(f.file).toLowerCase());
	for (const { file } of files) {
		const id = idOf(file);
		// Of two names that differ only by case, the one that is not lowercase is the odd one out.
		const other = byUrl.get(id.toLowerCase())?.find((f) => f.file !== file && isKebabId(idOf(f.file)));
		if (other && !isKebabId(id))
			problems.push({
				file,
				line: 1,
				field: 'file name',
				message: `"${id}" differs from ${other.file} only by case; both would be the page /${collection}/${id.toLowerCase()}/`,
				fix: 'rename or merge one of the two files',
			});
		else if (!isKebabId(id))
			problems.push({
				file,
				line: 1,
				field: 'file name',
				message: `"${id}" is not a lowercase kebab-case name; the file name is the page's address (/${collection}/${id}/)`,
				fix: `rename the file to ${id
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-|-$/g, '')}.mdx`,
			});
	}
	return problems;
}

/** What Markdown makes of a line that is not plain text, in words an author recognises. */
const MARKDOWN_READS: Record<string, string> = {
	heading: 'a heading (the line starts with #)',
	list: 'a list (the line starts with -, * or a number and a full stop)',
	thematicBreak: 'a horizontal rule (---)',
	code: 'code (the line is indented by four spaces, or fenced with ```)',
	emphasis: 'emphasis (*…* or _…_)',
	strong: 'bold (**…**)',
	link: 'a link ([…](…))',
	linkReference: 'a link reference ([…])',
	image: 'an image (![…](…))',
	inlineCode: 'code (`…`)',
	break: 'a line break (two spaces or a backslash at the end of a line)',
	definition: 'a link definition ([…]: …)',
	blockquote: 'a quote inside a quote (>>)',
};

/**
 * Anything in an article body but plain paragraphs and quoted paragraphs of plain text: a
 * component, an import, a `{…}` expression, or Markdown formatting. A source article is verbatim
 * text, and the article page renders exactly that (paragraph text, in or out of a blockquote).
 */
function notPlainText(file: string, tree: NonNullable<ParsedMdx['tree']>, bodyLine: number): Problem[] {
	const found: Problem[] = [];
	type Node = {
		type: string;
		name?: string | null;
		value?: string;
		position?: { start: { line: number } };
		children?: Node[];
	};
	const report = (node: Node, what: string, fix: string) => {
		const line = bodyLine + (node.position?.start.line ?? 1) - 1;
		found.push({ file, line, field: 'body', message: `line ${line} ${what}: a source article is verbatim text`, fix });
	};
	const check = (node: Node, place: 'top' | 'quote' | 'paragraph') => {
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
			return report(node, `holds <${node.name ?? ''}>, which MDX reads as code`, MDX_FIX);
		if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
			return report(node, `holds ${(node.value ?? '').split('\n')[0]}, which MDX reads as code`, MDX_FIX);
		const ok =
			place === 'paragraph'
				? node.type === 'text'
				: node.type === 'paragraph' || (place === 'top' && node.type === 'blockquote');
		if (!ok)
			return report(
				node,
				`is read as ${MARKDOWN_READS[node.type] ?? `Markdown (${node.type})`}`,
				'put a backslash before the character that starts it (\\#, \\-, \\*, \\[), so the text reads as written',
			);
		const inside = node.type === 'blockquote' ? 'quote' : 'paragraph';
		(node.children ?? []).forEach((child) => check(child, inside));
	};
	(tree.children as Node[]).forEach((node) => check(node, 'top'));
	return found;
}

function strayProblems(strays: readonly string[]): Problem[] {
	return strays.map((file) => ({
		file,
		field: 'file name',
		message: 'only .mdx files are read in this folder, so this file would be ignored',
		fix: 'rename it to .mdx (or move it out of src/content)',
	}));
}

function emptyProblem(collection: string, file: string, fix: string): Problem {
	return { file, field: collection, message: `there are no ${collection}`, fix };
}

/**
 * The entries of an MDX collection, parsed, with their frontmatter validated: every problem with
 * the folder, a file name, the frontmatter or the MDX goes into `problems`.
 */
function readMdxCollection<T>(
	files: readonly SourceFile[],
	collection: 'articles' | 'explainers',
	one: string,
	schema: z.ZodType,
	problems: Problem[],
) {
	if (!files.length)
		problems.push(
			emptyProblem(collection, `src/content/${collection}`, `add ${one} as src/content/${collection}/<slug>.mdx`),
		);
	problems.push(...fileNameProblems(files, collection));
	return files.map((source) => {
		const parsed = parseMdxFile(source.file, source.text);
		const fm = frontmatterProblems(source.file, parsed, schema);
		problems.push(...fm.problems);
		if (parsed.failure)
			problems.push({
				file: source.file,
				line: parsed.failure.line,
				field: 'body',
				message: parsed.failure.message,
				fix: MDX_FIX,
			});
		const split = isProblem(parsed.split) ? undefined : parsed.split;
		return { id: idOf(source.file), source, parsed, split, data: fm.data as T | undefined };
	});
}

// ——— The model ———

export function buildContentModel(files: ContentFiles): { model: ContentModel; problems: Problem[] } {
	const problems: Problem[] = [...strayProblems(files.strays)];
	const parsedLedger = parseLedger(files.anchors?.text, files.anchors?.file ?? LEDGER_FILE);
	const ledger = parsedLedger.ledger;
	problems.push(...parsedLedger.problems);

	// People first: every other collection refers to them.
	const peopleFile = files.people?.file ?? 'src/content/people.yaml';
	const peopleYaml = files.people ? parseYaml(peopleFile, files.people.text, 1, 'people') : undefined;
	if (!files.people) problems.push(emptyProblem('people', peopleFile, 'create src/content/people.yaml, a YAML list'));
	problems.push(...(peopleYaml?.problems ?? []));
	const checkedPeople =
		peopleYaml && !peopleYaml.problems.length
			? checkPeople(peopleYaml.value, {
					file: peopleFile,
					parse: (i) => personSchema.safeParse(i),
					lineOf: peopleYaml.lineOf,
				})
			: { problems: [], people: [] };
	problems.push(...checkedPeople.problems);
	const personIds = new Set(checkedPeople.people.map((p) => p.id));
	const rawPeople = (Array.isArray(peopleYaml?.value) ? peopleYaml.value : []) as Record<string, unknown>[];

	// Articles.
	const articleInputs = readMdxCollection<ArticleData>(
		files.articles,
		'articles',
		'an article',
		plainArticleSchema,
		problems,
	).map(({ source, parsed, split, data }) => {
		if (!parsed.failure && parsed.tree && split)
			problems.push(...notPlainText(source.file, parsed.tree, split.bodyLine));
		const paragraphs = parsed.tree ? articleParagraphsOf(parsed.tree) : [];
		const lines = parsed.tree
			? paragraphNodes(parsed.tree).map((n) => (split?.bodyLine ?? 1) + (n.position?.start.line ?? 1) - 1)
			: [];
		return { id: idOf(source.file), source, parsed, data, paragraphs, lines };
	});
	const valid = articleInputs.filter((a) => a.data && a.parsed.tree);
	// Cross-checks: notes against paragraphs, references, the verbatim text.
	const articleProblems = checkArticles(
		valid.map((a) => ({
			id: a.id,
			file: a.source.file,
			body: '',
			data: a.data!,
			paragraphs: a.paragraphs,
			raw: files.raw.get(a.data!.sourceFile),
		})),
		{ people: personIds },
	);
	for (const a of valid) {
		if (!files.raw.has(a.data!.sourceFile))
			articleProblems.push({
				file: a.source.file,
				field: 'sourceFile',
				message: `public/sources/${a.data!.sourceFile} does not exist`,
				fix: 'copy the raw text from shared/sources into public/sources, or correct the file name',
			});
	}
	const byFile = new Map(articleInputs.map((a) => [a.source.file, a]));
	for (const p of articleProblems) {
		const a = byFile.get(p.file);
		const differs = /^paragraph p(\d+) differs/.exec(p.message);
		const line = differs
			? a?.lines[Number(differs[1]) - 1]
			: p.field === 'body'
				? a?.lines[0]
				: a?.parsed.yaml?.lineOf(pathOf(p.field));
		problems.push({ ...p, line: line ?? p.line });
	}
	problems.push(...articleSetProblems(valid));

	// The one paragraph index: every article whose body parsed, even with a frontmatter problem
	// (that is reported above), so citations of it are not reported a second time.
	const index = indexArticles(
		articleInputs
			.filter((a) => a.parsed.tree)
			.map((a) => ({ id: a.id, title: a.data?.title ?? a.id, paragraphs: a.paragraphs })),
	);

	// Events.
	const eventsFile = files.events?.file ?? 'src/content/events.yaml';
	const eventsYaml = files.events ? parseYaml(eventsFile, files.events.text, 1, 'events') : undefined;
	if (!files.events) problems.push(emptyProblem('events', eventsFile, 'create src/content/events.yaml, a YAML list'));
	problems.push(...(eventsYaml?.problems ?? []));
	const checkedEvents =
		eventsYaml && !eventsYaml.problems.length
			? checkEvents(eventsYaml.value, {
					file: eventsFile,
					parse: (i) => plainEventSchema.safeParse(i),
					index,
					people: personIds,
					lineOf: eventsYaml.lineOf,
					period: SITE_PERIOD,
				})
			: { problems: [], events: [] };
	problems.push(...checkedEvents.problems);
	const rawEvents = (Array.isArray(eventsYaml?.value) ? eventsYaml.value : []) as Record<string, unknown>[];

	// Explainers.
	const explainerInputs = readMdxCollection<ExplainerData>(
		files.explainers,
		'explainers',
		'an explainer',
		explainerSchema,
		problems,
	).map(({ source, parsed, split, data }) => {
		const analysis = parsed.tree
			? analyseExplainerTree(parsed.tree, ledger[`/explainers/${idOf(source.file)}/`])
			: undefined;
		if (analysis && split)
			problems.push(
				...checkExplainer(
					{ file: source.file, body: split.body, bodyLineOffset: split.bodyLine - 1, analysis },
					index,
					personIds,
					{ events: checkedEvents.events },
				),
			);
		const claims = parsed.tree && split ? explainerClaims(source.file, parsed.tree, split.bodyLine - 1) : [];
		return { id: idOf(source.file), source, data, analysis, yaml: parsed.yaml, claims };
	});
	problems.push(...orderProblems(explainerInputs));

	// The model proper, from what passed.
	const titles = new Map(valid.map((a) => [a.id, a.data!.title]));
	const dates = Object.fromEntries(valid.map((a) => [a.id, articleDate(a.data!)]));
	const articlesSorted = valid.map((a) => ({ ...a, data: a.data! })).sort(byDate);
	const explainersSorted = explainerInputs
		.filter((e): e is typeof e & { data: ExplainerData; analysis: ExplainerAnalysis } => !!e.data && !!e.analysis)
		.sort(byOrder);
	const failed = problems.length > 0;
	const explainers: ExplainerModel[] = explainersSorted.map((e) => ({
		id: e.id,
		file: e.source.file,
		input: e.yaml?.value as Record<string, unknown>,
		data: e.data,
		sections: e.analysis.sections,
		paragraphs: e.analysis.paragraphs,
		// Only a clean model resolves citations: with problems, some would not resolve.
		citations: failed ? [] : numberedCitations(e.analysis.citations, e.source.file, index, dates),
		articles: [...new Set(e.analysis.citations.map((c) => c.article))].filter((id) => titles.has(id)),
		people: [...new Set(e.analysis.people.map((p) => p.id))],
		analysis: e.analysis,
	}));
	const backlinks = buildBacklinks(
		explainers.map((e) => ({ id: e.id, title: e.data.title, shortTitle: e.data.shortTitle, analysis: e.analysis })),
	);
	const articles: ArticleModel[] = articlesSorted.map((a) => ({
		id: a.id,
		file: a.source.file,
		input: a.parsed.yaml?.value as Record<string, unknown>,
		data: a.data,
		paragraphs: a.paragraphs,
		backlinks: Object.fromEntries(backlinks.get(a.id) ?? []),
	}));
	const allParagraphs = articles.flatMap((a) => a.paragraphs.map((p) => ({ article: a.id, p: p.id, text: p.text })));
	const people: PersonModel[] = checkedPeople.people.map((person) => {
		const i = rawPeople.findIndex((r) => r.id === person.id);
		return {
			id: person.id,
			input: rawPeople[i] ?? {},
			data: person,
			mentions: findMentions(allParagraphs, [person.name, ...person.aliases]).map(({ article, p }) => ({ article, p })),
			explainers: explainers
				.map((e) => {
					const sections = new Map(e.sections.map((s) => [s.id, s.title]));
					return {
						id: e.id,
						title: e.data.title,
						uses: e.analysis.people
							.filter((u) => u.id === person.id)
							.map((u) => ({
								href: `/explainers/${e.id}/#${u.blockId}`,
								section: sections.get(u.sectionId) ?? 'Introduction',
							})),
					};
				})
				.filter((e) => e.uses.length > 0),
		};
	});
	const events: EventModel[] = checkedEvents.events
		.map((data) => ({ id: data.id, input: rawEvents.find((r) => r.id === data.id) ?? {}, data }))
		.sort((a, b) => compareEvents(a.data, b.data));

	const anchors = publishedAnchors(articles, explainers, events, people, eventsFile, peopleFile);
	// Only a model with no other problem is checked against the ledger: a file that did not parse
	// would look like every anchor in it had gone.
	if (!problems.length) problems.push(...checkLedger(ledger, anchors, files.anchors?.file ?? LEDGER_FILE));
	const claims = [
		...explainerInputs.flatMap((e) => e.claims),
		...(eventsYaml && !eventsYaml.problems.length ? eventClaims(eventsFile, eventsYaml) : []),
	];
	// Corrections last: they name the pages and anchors of everything above. Pages and anchors are
	// only checked when the rest is clean, as the ledger is.
	const correctionsFile = files.corrections?.file ?? 'src/content/corrections.yaml';
	const correctionsYaml = files.corrections
		? parseYaml(correctionsFile, files.corrections.text, 1, 'corrections')
		: undefined;
	problems.push(...(correctionsYaml?.problems ?? []));
	const checkedCorrections =
		correctionsYaml && !correctionsYaml.problems.length
			? checkCorrections(correctionsYaml.value, {
					file: correctionsFile,
					parse: (i) => correctionSchema.safeParse(i),
					lineOf: correctionsYaml.lineOf,
					pages: problems.length ? undefined : correctablePages(articles, explainers, events, people),
				})
			: { problems: [], corrections: [] };
	problems.push(...checkedCorrections.problems);
	const rawCorrections = (Array.isArray(correctionsYaml?.value) ? correctionsYaml.value : []) as Record<
		string,
		unknown
	>[];
	const corrections: CorrectionModel[] = checkedCorrections.corrections.map((data) => {
		const position = rawCorrections.findIndex((r) => r.id === data.id);
		return { id: data.id, input: rawCorrections[position] ?? {}, data, position };
	});

	return {
		model: { articles, explainers, people, events, corrections, index, anchors, ledger, claims },
		problems,
	};
}

/**
 * The pages a correction may concern, each with the ids a correction may name: an article's
 * title, paragraphs and editor's notes; an explainer's title, sections and paragraphs; the
 * timeline's events; a person's description. (Each is a page's own `id=`; the link check
 * confirms them on the built pages.)
 */
function correctablePages(
	articles: readonly ArticleModel[],
	explainers: readonly ExplainerModel[],
	events: readonly EventModel[],
	people: readonly PersonModel[],
): Map<string, Set<string>> {
	return new Map([
		...articles.map(
			(a) =>
				[
					`/articles/${a.id}/`,
					new Set(['title', ...a.paragraphs.map((p) => p.id), ...numberNotes(a.data.notes).map((n) => n.id)]),
				] as const,
		),
		...explainers.map(
			(e) =>
				[
					`/explainers/${e.id}/`,
					new Set(['title', ...e.sections.map((s) => s.id), ...e.analysis.blocks.map((b) => b.id)]),
				] as const,
		),
		['/timeline/', new Set(events.map((e) => e.id))] as const,
		...people.map((p) => [`/people/${p.id}/`, new Set(['description'])] as const),
	]);
}

/** Checks across articles: one article per raw source; dates within the story; lists without repeats. */
function articleSetProblems(
	articles: readonly { id: string; source: SourceFile; data?: ArticleData | undefined; parsed: ParsedMdx }[],
): Problem[] {
	const problems: Problem[] = [];
	const bySource = Map.groupBy(articles, (a) => a.data!.sourceFile);
	for (const a of articles) {
		const data = a.data!;
		const lineOf = (path: PropertyKey[]) => a.parsed.yaml?.lineOf(path);
		// Both articles are told: which of the two names the wrong file, only the author can say.
		for (const other of bySource.get(data.sourceFile) ?? [])
			if (other !== a)
				problems.push({
					file: a.source.file,
					line: lineOf(['sourceFile']),
					field: 'sourceFile',
					message: `${data.sourceFile} is also the source of ${other.source.file}`,
					fix: 'each raw source is one article: correct the file name, or remove the duplicate article',
				});
		const day = isoDate(data.published);
		if (day < SITE_PERIOD.sourcesFrom || day > SITE_PERIOD.asOf)
			problems.push({
				file: a.source.file,
				line: lineOf(['published']),
				field: 'published',
				message: `${day} is outside the period of the sources, ${SITE_PERIOD.sourcesFrom} to ${SITE_PERIOD.asOf} (SITE_PERIOD in src/lib/site.ts)`,
				fix: 'check the date against the dateEvidence; a source from outside the period also needs the as-of date and its wording moved',
			});
		for (const field of ['people', 'topics'] as const) {
			const seen = new Set<string>();
			data[field].forEach((value, i) => {
				if (seen.has(value))
					problems.push({
						file: a.source.file,
						line: lineOf([field, i]),
						field: `${field}[${i}]`,
						message: `"${value}" is listed twice`,
						fix: 'remove one of the two',
					});
				seen.add(value);
			});
		}
	}
	return problems;
}

/** Explainers are read in `order`: 1, 2, 3 … with no number twice or skipped (the pages say "Explainer 2 of 3"). */
function orderProblems(
	explainers: readonly { source: SourceFile; data?: ExplainerData | undefined; yaml?: YamlText | undefined }[],
): Problem[] {
	const problems: Problem[] = [];
	const ok = explainers.filter((e): e is typeof e & { data: ExplainerData } => !!e.data);
	const byOrderValue = new Map<number, string>();
	const ordered = ok.toSorted((a, b) => byOrder(a, b) || a.source.file.localeCompare(b.source.file));
	for (const e of ordered) {
		const order = e.data.order;
		const other = byOrderValue.get(order);
		if (other)
			problems.push({
				file: e.source.file,
				line: e.yaml?.lineOf(['order']),
				field: 'order',
				message: `order ${order} is also that of ${other}`,
				fix: 'give each explainer its own place in the reading order',
			});
		else byOrderValue.set(order, e.source.file);
	}
	const orders = [...byOrderValue.keys()].sort((a, b) => a - b);
	const gap = orders.findIndex((o, i) => o !== i + 1);
	if (gap !== -1 && ok.length === explainers.length) {
		const e = ok.find((x) => x.data.order === orders[gap])!;
		problems.push({
			file: e.source.file,
			line: e.yaml?.lineOf(['order']),
			field: 'order',
			message: `order ${orders[gap]} leaves a gap: the explainers are numbered ${orders.join(', ')}`,
			fix: `number them 1 to ${orders.length} (this one is probably ${gap + 1})`,
		});
	}
	return problems;
}

/** Every anchor the site publishes: article paragraphs, explainer sections and blocks, events, people. */
function publishedAnchors(
	articles: readonly ArticleModel[],
	explainers: readonly ExplainerModel[],
	events: readonly EventModel[],
	people: readonly PersonModel[],
	eventsFile: string,
	peopleFile: string,
): PublishedAnchor[] {
	return [
		...articles.flatMap((a) =>
			a.paragraphs.map((p): PublishedAnchor => ({
				page: `/articles/${a.id}/`,
				id: p.id,
				kind: 'paragraph',
				text: p.text,
				file: a.file,
			})),
		),
		...explainers.flatMap((e) => [
			...e.sections.map((s): PublishedAnchor => ({
				page: `/explainers/${e.id}/`,
				id: s.id,
				kind: 'section',
				text: s.title,
				file: e.file,
			})),
			...e.analysis.blocks.map((b): PublishedAnchor => ({
				page: `/explainers/${e.id}/`,
				id: b.id,
				kind: 'block',
				text: b.text,
				file: e.file,
			})),
		]),
		...events.map((e): PublishedAnchor => ({
			page: '/timeline/',
			id: e.id,
			kind: 'event',
			text: `${e.data.title} ${e.data.summary}`,
			file: eventsFile,
		})),
		// A person's anchor is their page, /people/<id>/: recorded under /people/ by id.
		...people.map((p): PublishedAnchor => ({
			page: '/people/',
			id: p.id,
			kind: 'person',
			text: `${p.data.name} ${p.data.role}`,
			file: peopleFile,
		})),
	];
}
