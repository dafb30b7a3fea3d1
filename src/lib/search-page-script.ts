/**
 * The search page's inline script: it swaps the no-JavaScript message for the form before first
 * paint, so readers with JavaScript never see the message flash, and, for an address that asks
 * something, says “Searching…” where the build wrote its hint. Kept here, as text, so that
 * astro.config.mjs can allow it in the Content Security Policy by its hash (like the theme script).
 */
export const SEARCH_PAGE_SCRIPT =
	"document.querySelector('[data-search-nojs]').hidden=true;document.querySelector('form[data-search-page]').hidden=false;if(matchMedia('(max-width: 52rem)').matches)document.querySelector('[data-filters-box]').open=false;if(location.search)document.querySelector('[data-search-status]').textContent='Searching…';";
