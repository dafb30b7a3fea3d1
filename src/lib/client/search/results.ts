/**
 * How one search result looks: what it is and when, its title, an excerpt with the matched words
 * marked, and up to three places inside it (a paragraph, a note, a section) that match, each
 * linking straight there. Used as the `resultTemplate` of Pagefind's <pagefind-results>.
 */
import { formatDate } from '../../dates';
import { SEARCH_TYPES, type SearchType } from '../../search';
import type { Instance, ResultData, ResultsElement } from './pagefind-ui';

const MAX_SUB_RESULTS = 3;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
};

/** "Source article · about 13 January 2022" */
export function eyebrow(meta: ResultData['meta']): string {
	const type = meta.type as SearchType | undefined;
	const parts: string[] = [];
	if (type && Object.hasOwn(SEARCH_TYPES, type)) parts.push(SEARCH_TYPES[type].one);
	const date = meta.date ? new Date(`${meta.date}T00:00:00Z`) : undefined;
	if (date && !Number.isNaN(date.getTime())) parts.push(`${meta.date_approx ? 'about ' : ''}${formatDate(date)}`);
	return parts.join(' · ');
}

/**
 * Pagefind escapes the text and adds only <mark>; this keeps it that way. The HTML is parsed in a
 * <template>, whose content is inert (nothing loads, no handler runs), and only text and <mark>
 * leave it.
 */
function excerpt(html: string, className: string): HTMLParagraphElement {
	const p = el('p', className);
	const parsed = document.createElement('template');
	parsed.innerHTML = html;
	for (const node of parsed.content.childNodes)
		if (node.nodeName === 'MARK')
			p.append(Object.assign(document.createElement('mark'), { textContent: node.textContent }));
		else p.append(node.textContent ?? '');
	return p;
}

const withoutQuery = (url: string) => url.replace(/\?[^#]*/, '');

export function resultTemplate(instance: Instance, headingLevel: 2 | 3) {
	return (result: ResultData): HTMLLIElement => {
		const item = el('li', 'search-result');
		const title = result.meta.title || result.url;
		const label = eyebrow(result.meta);
		if (label) item.append(el('p', 'search-result-eyebrow', label));
		const heading = el(`h${headingLevel}`, 'search-result-title');
		const link = el('a', 'search-result-link', title);
		link.href = result.url;
		heading.append(link);
		item.append(heading);
		// Browsing by filter (no words) gives no excerpt worth showing: just the page's opening.
		if (result.excerpt.includes('<mark>')) item.append(excerpt(result.excerpt, 'search-result-excerpt'));

		// Places inside the page, best first; not the page's own title, which the main link covers.
		const subs = instance
			.getDisplaySubResults(result, MAX_SUB_RESULTS + 1)
			.filter((sub) => sub.title !== title && withoutQuery(sub.url) !== withoutQuery(result.url))
			.slice(0, MAX_SUB_RESULTS);
		if (subs.length) {
			const list = el('ul', 'search-result-subs');
			list.setAttribute('aria-label', `Matches in “${title}”`);
			for (const sub of subs) {
				const li = el('li', 'search-result-sub');
				const a = el('a', 'search-result-sub-link', sub.title);
				a.href = sub.url;
				li.append(a);
				if (sub.excerpt) li.append(excerpt(sub.excerpt, 'search-result-sub-excerpt'));
				list.append(li);
			}
			item.append(list);
		}
		return item;
	};
}

/** A quiet placeholder, shaped like a result, while its data loads. */
const PLACEHOLDER = `<li class="search-placeholder" aria-hidden="true">
	<span></span><span></span><span></span>
</li>`;

/** Pagefind's results list, rendering results and placeholders our way. */
export function createResults(instance: Instance): ResultsElement {
	const results = document.createElement('pagefind-results') as ResultsElement;
	const placeholder = document.createElement('script');
	placeholder.type = 'text/pagefind-template';
	placeholder.dataset.template = 'placeholder';
	placeholder.textContent = PLACEHOLDER;
	results.append(placeholder);
	results.resultTemplate = resultTemplate(instance, 3);
	return results;
}
