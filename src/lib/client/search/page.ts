/**
 * The search page: a field, filters (type, source article, person, month), an order, and results,
 * all kept in the address (`/search/?q=…&type=…`) so a search can be shared, reloaded, and walked
 * back and forth with the browser's buttons. With a filter chosen and no words, it browses: every
 * event in February, newest first.
 */
import { FILTER_KEYS, humanise, monthLabel, SEARCH_TYPE_IDS, SEARCH_TYPES, type FilterKey } from '../../search';
import {
	EMPTY_STATE,
	isEmptyState,
	isNewHistoryEntry,
	parseSearchState,
	sameState,
	serializeSearchState,
	toPagefindFilters,
	toPagefindSort,
	type SearchState,
	type SortOrder,
} from '../../search-state';
import { connectInput, searchInstance, type FilterCounts, type Instance } from './pagefind-ui';
import { createResults } from './results';

type Labels = Partial<Record<FilterKey, Record<string, string>>>;

const ANY: Record<FilterKey, string> = {
	type: 'All types',
	source: 'Any article',
	person: 'Anyone',
	month: 'Any month',
};

async function runSearchPage(form: HTMLFormElement): Promise<void> {
	const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
	const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
	const sortNote = form.querySelector<HTMLElement>('[data-sort-note]')!;
	const status = form.querySelector<HTMLElement>('[data-search-status]')!;
	const slot = form.querySelector<HTMLElement>('[data-search-results]')!;
	const typeOptions = form.querySelector<HTMLElement>('[data-options="type"]')!;
	const inUse = form.querySelector<HTMLElement>('[data-filters-in-use]')!;
	const selects = Object.fromEntries(
		[...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((s) => [s.dataset.filter, s]),
	) as Partial<Record<FilterKey, HTMLSelectElement>>;
	const labels = JSON.parse(document.getElementById('search-labels')?.textContent ?? '{}') as Labels;
	const baseTitle = document.title;

	let instance: Instance;
	try {
		// Faceted (filters alone can search) only while browsing by filter: see show().
		instance = await searchInstance({ faceted: false });
		await instance.triggerLoad();
	} catch {
		status.textContent = 'Search could not load. Check your connection and reload the page.';
		return;
	}

	// What the reader typed before the search loaded wins over the address.
	let state: SearchState = parseSearchState(location.search);
	if (input.value.trim() && input.value.trim() !== state.q) state = { ...state, q: input.value.trim() };
	/** Counts for the whole index (known once loaded), and for the current search. */
	const totals: FilterCounts = instance.availableFilters ?? {};
	let available: FilterCounts = totals;

	const label = (key: FilterKey, value: string): string => {
		if (key === 'type') return SEARCH_TYPES[value as keyof typeof SEARCH_TYPES]?.many ?? humanise(value);
		if (key === 'month') return monthLabel(value);
		return labels[key]?.[value] ?? humanise(value);
	};

	/** Values to offer: all in the index, in a sensible order, plus the selected one. */
	const values = (key: FilterKey): string[] => {
		const known = new Set([
			...Object.keys(totals[key] ?? {}),
			...Object.keys(available[key] ?? {}),
			...(state.filters[key] ? [state.filters[key]] : []),
		]);
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
	 * chosen value: those show no number rather than a wrong one. Nothing is disabled, so no choice
	 * can trap the reader. Controls are updated in place, so focus and an open list survive.
	 */
	const countText = (key: FilterKey, value: string): string => {
		const chosen = state.filters[key];
		if (chosen && chosen !== value) return '';
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
		// Filters alone browse (every event in February, oldest first), but an empty search shows
		// nothing rather than the whole site in no particular order (and announces nothing).
		instance.faceted = Object.keys(next.filters).length > 0;
		if (isEmptyState(next)) available = totals;
		renderFilters();
		instance.searchSort = toPagefindSort(next.sort);
		instance.triggerSearchWithFilters(next.q, toPagefindFilters(next.filters));
	}

	instance.on('filters', (counts) => {
		available = counts.available;
		renderFilters();
	});

	const summary = document.createElement('pagefind-summary');
	summary.setAttribute(
		'default-message',
		'Type a word or a name, or choose a filter to browse, say, everything from January 2022.',
	);
	const results = createResults(instance);
	status.replaceWith(summary);
	slot.append(results);

	connectInput(instance, input, (term) => show({ ...state, q: term.trim() }, 'replace'));
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
		show({ ...EMPTY_STATE, q: state.q }, 'push');
		input.focus();
	});
	addEventListener('popstate', () => show(parseSearchState(location.search), 'none'));

	show(state, 'replace');
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) void runSearchPage(form);
