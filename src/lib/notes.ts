/**
 * Editor's notes as a reader meets them: numbered 1…n down the article, whatever order the
 * frontmatter lists them in, each with its permanent anchor.
 */

/** What a note needs for numbering: the paragraph it sits beside ("p4"). */
export interface NoteLike {
	paragraph: string;
}

export interface NumberedNote<T extends NoteLike> {
	note: T;
	/** 1-based, in reading order: by paragraph, then as listed for that paragraph. */
	n: number;
	/**
	 * Anchor of the note: `<paragraph>-note-<k>`, k counting the notes of that paragraph in the
	 * order the frontmatter lists them. Published (search results and shared links land on it), so
	 * it must not depend on anything else, such as notes on other paragraphs.
	 */
	id: string;
}

const paragraphNumber = (id: string): number => {
	const n = Number(/^p(\d+)$/.exec(id)?.[1]);
	if (!Number.isInteger(n)) throw new Error(`Editor’s note on "${id}": expected a paragraph id such as "p3"`);
	return n;
};

/** Numbers an article's notes in reading order and gives each its anchor. */
export function numberNotes<T extends NoteLike>(notes: readonly T[]): NumberedNote<T>[] {
	const perParagraph = new Map<string, number>();
	const withIds = notes.map((note, index) => {
		const k = (perParagraph.get(note.paragraph) ?? 0) + 1;
		perParagraph.set(note.paragraph, k);
		return { note, index, id: `${note.paragraph}-note-${k}` };
	});
	return withIds
		.sort((a, b) => paragraphNumber(a.note.paragraph) - paragraphNumber(b.note.paragraph) || a.index - b.index)
		.map(({ note, id }, i) => ({ note, id, n: i + 1 }));
}

/** "1 editor’s note", "4 editor’s notes". */
export const notesCount = (count: number): string => `${count} editor’s note${count === 1 ? '' : 's'}`;
