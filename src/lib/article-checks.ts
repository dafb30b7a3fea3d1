/**
 * Checks that need more than one field, or more than one article: notes point at real
 * paragraphs and quote them exactly, cross-references resolve, and the text is the raw
 * source less its recorded furniture. Zod checks each field on its own before this runs.
 */
import { extractParagraphs, type SourceParagraph } from './paragraphs';
import type { Problem } from './problems';

type Ref = string | { id: string };
const refId = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);

export interface ArticleInput {
	id: string;
	/** Path of the MDX file, relative to the project root. */
	file: string;
	body: string;
	data: {
		title: string;
		titleFromSource: boolean;
		removed: readonly { text: string }[];
		notes: readonly { paragraph: string; quote: string; see: readonly { article: Ref; paragraph: string }[] }[];
		/** People and organisations named, by id; checked when `checkArticles` is given the known ids. */
		people?: readonly Ref[];
	};
	/** The raw source text, when available, to prove the body is verbatim. */
	raw?: string | undefined;
	/** The paragraphs, when the content model has parsed the body already (otherwise it is parsed here). */
	paragraphs?: readonly SourceParagraph[] | undefined;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const idRange = (paras: readonly SourceParagraph[]) => (paras.length ? `p1–p${paras.length}` : 'no paragraphs at all');

/** Lines of the raw source that should appear as paragraphs: all but the furniture and the headline. */
export function expectedParagraphs(raw: string, data: ArticleInput['data']): string[] {
	const removed = new Set(data.removed.map((r) => r.text));
	const lines = raw.split(/\r?\n/).filter((line) => line.trim() !== '' && !removed.has(line));
	if (data.titleFromSource && lines[0] === data.title) lines.shift();
	return lines;
}

/** Ids the articles may refer to in other collections. */
export interface KnownIds {
	/** Ids in src/content/people.yaml. */
	people: ReadonlySet<string>;
}

/** Why MDX could not be parsed, as micromark/remark-mdx says it, with the place in the body. */
export function parseFailure(error: unknown): string {
	const e = error as { reason?: string; message?: string; line?: number; column?: number };
	const where = e.line ? ` at line ${e.line}, column ${e.column ?? 1} of the body` : '';
	return `the text is not valid MDX${where}: ${e.reason ?? e.message ?? String(error)}`;
}

/** The fix for MDX that cannot be parsed, the same wherever it is reported. */
export const MDX_FIX =
	'MDX reads { } and < as code: write them as \\{ \\} and &lt; in text, and close every tag you open';

export function checkArticles(articles: readonly ArticleInput[], known?: KnownIds): Problem[] {
	const problems: Problem[] = [];
	const unparsable = new Map<string, string>();
	const paragraphsOf = new Map(
		articles.map((a): [string, readonly SourceParagraph[]] => {
			try {
				return [a.id, a.paragraphs ?? extractParagraphs(a.body)];
			} catch (error) {
				unparsable.set(a.id, parseFailure(error));
				return [a.id, []];
			}
		}),
	);

	for (const article of articles) {
		const paras = paragraphsOf.get(article.id) ?? [];
		const at = (field: string, message: string, fix: string) =>
			problems.push({ file: article.file, field, message, fix });

		const failure = unparsable.get(article.id);
		if (failure) {
			at('body', failure, MDX_FIX);
			continue;
		}

		if (known) {
			(article.data.people ?? []).forEach((ref, i) => {
				if (!known.people.has(refId(ref)))
					at(
						`people[${i}]`,
						`unknown person or organisation "${refId(ref)}"`,
						`add them to src/content/people.yaml, or use one of: ${[...known.people].join(', ')}`,
					);
			});
		}

		if (paras.length === 0) {
			at(
				'body',
				'the article has no paragraphs',
				'paste the article text below the frontmatter, one paragraph per block, separated by blank lines',
			);
			continue;
		}

		article.data.notes.forEach((note, i) => {
			const target = paras.find((p) => p.id === note.paragraph);
			if (!target) {
				at(
					`notes[${i}].paragraph`,
					`"${note.paragraph}" is not a paragraph of this article (it has ${idRange(paras)})`,
					'point the note at an existing paragraph id',
				);
			} else if (!squash(target.text).includes(squash(note.quote))) {
				at(
					`notes[${i}].quote`,
					`"${note.quote}" does not appear in ${note.paragraph}`,
					`copy the words exactly from ${note.paragraph}, or move the note to the paragraph that contains them`,
				);
			}
			note.see.forEach((see, j) => {
				const other = paragraphsOf.get(refId(see.article));
				if (!other) {
					// reference() only logs an unknown id; it does not stop the build.
					at(
						`notes[${i}].see[${j}].article`,
						`unknown article "${refId(see.article)}"`,
						`use one of: ${[...paragraphsOf.keys()].join(', ')}`,
					);
					return;
				}
				if (!other.some((p) => p.id === see.paragraph)) {
					at(
						`notes[${i}].see[${j}].paragraph`,
						`"${see.paragraph}" is not a paragraph of ${refId(see.article)} (it has ${idRange(other)})`,
						'use an existing paragraph id of that article',
					);
				}
			});
		});

		if (article.raw !== undefined) {
			const rawLines = new Set(article.raw.split(/\r?\n/));
			article.data.removed.forEach((r, i) => {
				if (!rawLines.has(r.text))
					at(
						`removed[${i}].text`,
						`"${r.text}" is not a line of the raw source`,
						'copy the removed line exactly, including any unusual spaces',
					);
			});
			const expected = expectedParagraphs(article.raw, article.data);
			const actual = paras.map((p) => p.text);
			const k = expected.findIndex((line, idx) => line !== actual[idx]);
			if (k !== -1 || expected.length !== actual.length) {
				const idx = k === -1 ? Math.min(expected.length, actual.length) : k;
				at(
					'body',
					`paragraph p${idx + 1} differs from the raw source.\n      source: ${expected[idx] ?? '(nothing)'}\n      body:   ${actual[idx] ?? '(nothing)'}`,
					'keep the article text exactly as published; list page furniture under `removed` instead of deleting it',
				);
			}
		}
	}
	return problems;
}
