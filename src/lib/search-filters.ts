/**
 * The search page's filter controls as data: which values each filter offers, in what order, with
 * what label and count. The build uses it to write the controls into /search/ with the index's
 * counts (src/integrations/pagefind.ts), so the page shows them before any script runs; the page's
 * script uses it to keep them current as the reader searches (src/lib/client/search/page.ts). One
 * function for both, so the controls a reader sees first are the ones the script keeps.
 */
import { escapeHtml } from './escape';
import { humanise, monthLabel, SEARCH_TYPE_IDS, SEARCH_TYPES, type FilterKey } from './search';
import type { FilterCounts } from './search-engine';

/** Readable names for filter values that are ids (source articles, people), from the page. */
export type FilterLabels = Partial<Record<FilterKey, Record<string, string>>>;

/** What a control says when no value of it is chosen. */
export const ANY_VALUE: Record<FilterKey, string> = {
	type: 'All types',
	source: 'Any article',
	person: 'Anyone',
	month: 'Any month',
};

/** What the search page says when nothing is asked. */
export const SEARCH_HINT = 'Type a word or a name, or choose a filter to browse, say, everything from January 2022.';

/** A value's name as a reader sees it. */
export function filterLabel(key: FilterKey, value: string, labels: FilterLabels): string {
	if (key === 'type') return SEARCH_TYPES[value as keyof typeof SEARCH_TYPES]?.many ?? humanise(value);
	if (key === 'month') return monthLabel(value);
	return labels[key]?.[value] ?? humanise(value);
}

/** The values to offer: every one in the index, types in their fixed order, months by date, others as labelled. */
export function filterValues(key: FilterKey, totals: FilterCounts, labels: FilterLabels): string[] {
	const known = new Set(Object.keys(totals[key] ?? {}));
	const order =
		key === 'type'
			? SEARCH_TYPE_IDS
			: key === 'month'
				? [...known].sort()
				: [...Object.keys(labels[key] ?? {}), ...[...known].sort()];
	return [...new Set(order)].filter((v) => known.has(v));
}

export interface FilterRow {
	/** The value; `''` for “any”. */
	value: string;
	label: string;
	/** How many results choosing it would leave, as text; `''` when unknown (or for “any”). */
	count: string;
}

export interface FilterView {
	/** Counts over the whole index. */
	totals: FilterCounts;
	labels: FilterLabels;
	/** The value chosen for this filter, if any. */
	chosen?: string | undefined;
	/** Counts for the current search; `totals` when nothing is asked. */
	available?: FilterCounts;
	/** Whether `available` is exact (false when other spellings were searched too). */
	exact?: boolean;
}

/**
 * One control's rows, “any” first. Pagefind's counts say how many results a value would leave given
 * the other filters, so they are exact for a filter not in use (and for its chosen value), and
 * unknown for the alternatives to a chosen value, or when other spellings were searched too: those
 * show no number rather than a wrong one.
 */
export function filterRows(key: FilterKey, view: FilterView): FilterRow[] {
	const { totals, labels, chosen, available = totals, exact = true } = view;
	const count = (value: string) => (!exact || (chosen && chosen !== value) ? '' : String(available[key]?.[value] ?? 0));
	return [
		{ value: '', label: ANY_VALUE[key], count: '' },
		...filterValues(key, totals, labels).map((value) => ({
			value,
			label: filterLabel(key, value, labels),
			count: count(value),
		})),
	];
}

/** An option's text in a drop-down: “Jens Stoltenberg (12)”. */
export const optionText = (row: FilterRow): string => (row.count ? `${row.label} (${row.count})` : row.label);

/**
 * Counts per filter value over index entries (pages and records), as Pagefind's `filters()` gives
 * them: an entry counts once for each distinct value it has.
 */
export function filterTotals(entries: Iterable<Readonly<Record<string, readonly string[]>>>): FilterCounts {
	const totals: FilterCounts = {};
	for (const filters of entries) {
		for (const [key, values] of Object.entries(filters)) {
			const counts = (totals[key] ??= {});
			for (const value of new Set(values)) counts[value] = (counts[value] ?? 0) + 1;
		}
	}
	return totals;
}

/**
 * A control's rows as the markup the page's script keeps (page.ts), nothing chosen: radios for
 * `type`, `<option>`s for the drop-downs.
 */
export function filterControlHtml(key: FilterKey, rows: readonly FilterRow[]): string {
	if (key === 'type') {
		return rows
			.map(
				(row) =>
					`<label data-value="${escapeHtml(row.value)}"><input type="radio" name="type" value="${escapeHtml(row.value)}"${row.value ? '' : ' checked'}><span>${escapeHtml(row.label)}</span><span class="count">${row.count}</span></label>`,
			)
			.join('');
	}
	return rows.map((row) => `<option value="${escapeHtml(row.value)}">${escapeHtml(optionText(row))}</option>`).join('');
}
