/**
 * The search page: a field, filters (type, source article, person, month), an order, and results,
 * all kept in the address (`/search/?q=…&type=…`) so a search can be shared, reloaded, and walked
 * back and forth with the browser's buttons. With a filter chosen and no words, it browses: every
 * event in February, newest first. A filter in the address that the index doesn't have is
 * dropped, and the page says so.
 */
import { FILTER_KEYS, type FilterKey } from '../../search';
import { MIN_QUERY, type FilterCounts, type SearchOutcome } from '../../search-engine';
import {
	dropUnknownFilters,
	EMPTY_STATE,
	isEmptyState,
	isNewHistoryEntry,
	parseSearchState,
	sameState,
	serializeSearchState,
	toPagefindFilters,
	toPagefindSort,
	type DroppedFilter,
	type SearchState,
	type SortOrder,
} from '../../search-state';
import { filterRows, optionText, SEARCH_HINT, type FilterLabels } from '../../search-filters';
import { loadEngine, searcher } from './engine';
import { ResultsView } from './results';

const NAMES: Record<FilterKey, string> = { type: 'type', source: 'source article', person: 'person', month: 'month' };

function readLabels(): FilterLabels {
	try {
		return JSON.parse(document.getElementById('search-labels')?.textContent ?? '{}') as FilterLabels;
	} catch {
		return {}; // Values then show as readable ids: never a reason for search not to start.
	}
}

async function runSearchPage(form: HTMLFormElement): Promise<void> {
	const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
	const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
	const sortNote = form.querySelector<HTMLElement>('[data-sort-note]')!;
	const status = form.querySelector<HTMLElement>('[data-search-status]')!;
	const notice = form.querySelector<HTMLElement>('[data-search-notice]')!;
	const typeOptions = form.querySelector<HTMLElement>('[data-options="type"]')!;
	const inUse = form.querySelector<HTMLElement>('[data-filters-in-use]')!;
	const selects = Object.fromEntries(
		[...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((s) => [s.dataset.filter, s]),
	) as Partial<Record<FilterKey, HTMLSelectElement>>;
	const labels = readLabels();
	const baseTitle = document.title;

	let totals: FilterCounts;
	try {
		totals = await (await loadEngine()).filters();
	} catch {
		status.textContent = 'Search could not load. Check your connection and reload the page.';
		return;
	}

	const fromAddress = (asked: string | URLSearchParams = location.search) => {
		const { state, dropped } = dropUnknownFilters(asked, totals);
		showNotice(dropped);
		return state;
	};
	// The search loads when the reader first reaches the form, so they may have typed or chosen a
	// filter before it could answer: when the address asks for nothing, the form says what they asked.
	const fromForm = () =>
		new URLSearchParams([...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === 'string'));
	let state: SearchState = fromAddress(location.search || fromForm());
	// What the reader typed before the search loaded wins over the address.
	if (input.value.trim() && input.value.trim() !== state.q) state = { ...state, q: input.value.trim() };
	/** Counts for the current search; the whole index's when nothing is asked. */
	let available: FilterCounts = totals;
	let exact = true;

	function showNotice(dropped: DroppedFilter[]) {
		notice.hidden = !dropped.length;
		notice.textContent = dropped.length
			? `This link asked for ${dropped.map((d) => `${NAMES[d.key]} “${d.value}”`).join(' and ')}, which this site doesn’t have, so ${dropped.length === 1 ? 'that filter is' : 'those filters are'} not applied.`
			: '';
	}

	/** A control's rows for the current search (see filterRows). Controls are updated in place, so focus and an open list survive; nothing is disabled, so no choice can trap the reader. */
	const rows = (key: FilterKey) => filterRows(key, { totals, labels, chosen: state.filters[key], available, exact });

	function syncRadios() {
		const selected = state.filters.type ?? '';
		const existing = new Map(
			[...typeOptions.querySelectorAll<HTMLLabelElement>('label')].map((row) => [row.dataset.value ?? '', row]),
		);
		const wanted = rows('type');
		wanted.forEach(({ value, label, count }, i) => {
			let row = existing.get(value);
			if (!row) {
				// The build writes the rows (filterControlHtml); this makes any the index has that the page lacks.
				row = document.createElement('label');
				row.dataset.value = value;
				const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'type', value });
				const text = document.createElement('span');
				text.textContent = label;
				const number = document.createElement('span');
				number.className = 'count';
				row.append(radio, text, number);
			}
			if (typeOptions.children[i] !== row) typeOptions.insertBefore(row, typeOptions.children[i] ?? null);
			row.querySelector('input')!.checked = value === selected;
			row.querySelector('.count')!.textContent = count;
		});
		const values = new Set(wanted.map((row) => row.value));
		for (const [value, row] of existing) if (!values.has(value)) row.remove();
	}

	function syncSelect(key: FilterKey, select: HTMLSelectElement) {
		const existing = new Map([...select.options].map((o) => [o.value, o]));
		const wanted = rows(key);
		wanted.forEach((row, i) => {
			const option = existing.get(row.value) ?? new Option('', row.value);
			option.text = optionText(row);
			if (select.options[i] !== option) select.add(option, i);
		});
		const values = new Set(wanted.map((row) => row.value));
		for (const [value, option] of existing) if (!values.has(value)) option.remove();
		select.value = state.filters[key] ?? '';
	}

	function renderFilters() {
		syncRadios();
		for (const key of FILTER_KEYS) {
			const select = selects[key];
			if (select) syncSelect(key, select);
		}
		sortSelect.value = state.sort;
		sortNote.hidden = state.sort === 'relevance';
		const used = Object.keys(state.filters).length + (state.sort === 'relevance' ? 0 : 1);
		inUse.textContent = used ? `(${used} in use)` : '';
	}

	const searches = searcher();
	const view = new ResultsView(form.querySelector<HTMLElement>('[data-search-area]')!, {
		pageSize: 10,
		level: 3,
		input,
		onSuggestion: (words) => {
			input.value = words;
			input.focus();
			show({ ...state, q: words }, 'push');
		},
	});

	function show(next: SearchState, history: 'push' | 'replace' | 'none') {
		const from = state;
		state = next;
		if (history !== 'none' && !sameState(parseSearchState(location.search), next)) {
			const url = `${location.pathname}${serializeSearchState(next)}`;
			if (history === 'push' && isNewHistoryEntry(from, next)) window.history.pushState(null, '', url);
			else window.history.replaceState(null, '', url);
		}
		document.title = next.q ? `“${next.q}”: ${baseTitle}` : baseTitle;
		if (input.value.trim() !== next.q && document.activeElement !== input) input.value = next.q;
		// An empty search shows a hint, not the whole site in no particular order.
		if (isEmptyState(next)) {
			searches.cancel();
			available = totals;
			exact = true;
			renderFilters();
			view.message(SEARCH_HINT);
			return;
		}
		renderFilters();
		void searches
			.search({
				q: next.q.length < MIN_QUERY ? '' : next.q,
				filters: toPagefindFilters(next.filters),
				sort: toPagefindSort(next.sort),
			})
			.then((outcome: SearchOutcome | null) => {
				if (!outcome) return;
				available = outcome.counts;
				exact = outcome.exactCounts;
				renderFilters();
				view.show(outcome, next.q.length < MIN_QUERY ? '' : next.q);
			})
			.catch(() => view.message('Search failed. Reload the page to try again.'));
	}

	input.addEventListener('input', () => show({ ...state, q: input.value.trim() }, 'replace'));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		show({ ...state, q: input.value.trim() }, 'push');
	});
	form.addEventListener('change', (event) => {
		const target = event.target as HTMLInputElement | HTMLSelectElement;
		if (target === input) return;
		if (target === sortSelect) return show({ ...state, sort: target.value as SortOrder }, 'push');
		const key = (target.name || '') as FilterKey;
		if (!FILTER_KEYS.includes(key)) return;
		const filters = { ...state.filters, [key]: target.value || undefined };
		if (!target.value) delete filters[key];
		show({ ...state, filters }, 'push');
	});
	form.querySelector('[data-search-reset]')?.addEventListener('click', () => {
		showNotice([]);
		show({ ...EMPTY_STATE, q: state.q }, 'push');
		input.focus();
	});
	addEventListener('popstate', () => show(fromAddress(), 'none'));

	// The address loses what could not be applied, so a reload or a shared copy is clean.
	show(state, 'replace');
	form.dataset.searchReady = '';
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) void runSearchPage(form);
