/**
 * On a page reached from a search result (`?highlight=word&highlight=word`), marks the matched words
 * with Pagefind's highlighter and scrolls to the first visible one: the first inside the linked
 * paragraph or section when the link has one, otherwise the first on the page. Loaded only when the address
 * carries the parameter (trigger.ts).
 */
import { fragmentId } from '../../fragment-id';
import { BUNDLE_PATH, HIGHLIGHT_PARAM } from './constants';

interface HighlighterModule {
	default: new (options: Record<string, unknown>) => unknown;
}

async function highlight(): Promise<void> {
	const { default: PagefindHighlight } = (await import(
		/* @vite-ignore */ `${BUNDLE_PATH}pagefind-highlight.js`
	)) as HighlighterModule;
	new PagefindHighlight({
		highlightParam: HIGHLIGHT_PARAM,
		// Styled by the site (global.css), in both themes, rather than Pagefind's yellow.
		addStyles: false,
		markOptions: {
			className: 'search-hit',
			exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
		},
	});
	// Words inside closed disclosures (a folded byline, a note) are marked but not scrolled to: the
	// reader lands on the first one they can see.
	const marks = [...document.querySelectorAll<HTMLElement>('mark.search-hit')].filter((m) => m.checkVisibility());
	if (!marks.length) return;
	const id = fragmentId(location.hash);
	const target = id ? document.getElementById(id) : null;
	const first =
		(target &&
			marks.find((m) => target.contains(m) || target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) ||
		marks[0]!;
	first.classList.add('search-hit-first');
	const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
	first.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}

void highlight();
