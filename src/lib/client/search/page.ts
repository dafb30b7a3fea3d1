/**
 * The search page: a field, filters (type, source article, person, month), an order, and results,
 * all kept in the address (`/search/?q=…&type=…`) so a search can be shared, reloaded, and walked
 * back and forth with the browser's buttons. With a filter chosen and no words, it browses: every
 * event in February, newest first. A filter in the address that the index doesn't have is
 * dropped, and the page says so.
 */
import { FILTER_KEYS, humanise, monthLabel, SEARCH_TYPE_IDS, SEARCH_TYPES, type FilterKey } from '../../search';
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
import { loadEngine, searcher } from './engine';
import { ResultsView } from './results';

type Labels = Partial<Record<FilterKey, Record<string, string>>>;

const ANY: Record<FilterKey, string> = {
	type: 'All types',
	source: 'Any article',
	person: 'Anyone',
	month: 'Any month',
};

const NAMES: Record<FilterKey, string> = { type: 'type', source: 'source article', person: 'person', month: 'month' };

const HINT = 'Type a word or a name, or choose a filter to browse, say, everything from January 2022.';

function readLabels(): Labels {
	try {
		return JSON.parse(document.getElementById('search-labels')?.textContent ?? '{}') as Labels;
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

	const fromAddress = () => {
		const { state, dropped } = dropUnknownFilters(location.search, totals);
		showNotice(dropped);
		return state;
	};
	let state: SearchState = fromAddress();
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

	const label = (key: FilterKey, value: string): string => {
		if (key === 'type') return SEARCH_TYPES[value as keyof typeof SEARCH_TYPES]?.many ?? humanise(value);
		if (key === 'month') return monthLabel(value);
		return labels[key]?.[value] ?? humanise(value);
	};

	/** Values to offer: all in the index, in a sensible order. */
	const values = (key: FilterKey): string[] => {
		const known = new Set(Object.keys(totals[key] ?? {}));
		const order =
			key === 'type'
				? SEARCH_TYPE_IDS
				: key === 'month'
					? [...known].sort()
					: [...Object.keys(labels[key] ?? {}), ...[...known].sort()];
		return [...new Set(order)].filter((v) => known.has(v));
	};

	/**
	 * Pagefind's counts say how many results a value would leave given the other filters, so they are
	 * exact for a filter not in use (and for its chosen value), and unknown for the alternatives to a
	 * chosen value, or when other spellings were searched too: those show no number rather than a
	 * wrong one. Nothing is disabled, so no choice can trap the reader. Controls are updated in
	 * place, so focus and an open list survive.
	 */
	const countText = (key: FilterKey, value: string): string => {
		const chosen = state.filters[key];
		if (!exact || (chosen && chosen !== value)) return '';
		return String(available[key]?.[value] ?? 0);
	};

	function syncRadios() {
		const selected = state.filters.type ?? '';
		const rows = new Map(
			[...typeOptions.querySelectorAll<HTMLLabelElement>('label')].map((row) => [row.dataset.value ?? '', row]),
		);
		const wanted = ['', ...values('type')];
		wanted.forEach((value, i) => {
			let row = rows.get(value);
			if (!row) {
				row = document.createElement('label');
				row.dataset.value = value;
				const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'type', value });
				const text = document.createElement('span');
				text.textContent = value ? label('type', value) : ANY.type;
				const count = document.createElement('span');
				count.className = 'count';
				row.append(radio, text, count);
			}
			if (typeOptions.children[i] !== row) typeOptions.insertBefore(row, typeOptions.children[i] ?? null);
			row.querySelector('input')!.checked = value === selected;
			row.querySelector('.count')!.textContent = value ? countText('type', value) : '';
		});
		for (const [value, row] of rows) if (!wanted.includes(value)) row.remove();
	}

	function syncSelect(key: FilterKey, select: HTMLSelectElement) {
		const selected = state.filters[key] ?? '';
		const existing = new Map([...select.options].map((o) => [o.value, o]));
		const wanted = ['', ...values(key)];
		wanted.forEach((value, i) => {
			const option = existing.get(value) ?? new Option('', value);
			const n = value ? countText(key, value) : '';
			option.text = value ? `${label(key, value)}${n ? ` (${n})` : ''}` : ANY[key];
			if (select.options[i] !== option) select.add(option, i);
		});
		for (const [value, option] of existing) if (!wanted.includes(value)) option.remove();
		select.value = selected;
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
			view.message(HINT);
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
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) void runSearchPage(form);
