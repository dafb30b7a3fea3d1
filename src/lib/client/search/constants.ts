/** Shared by the eager trigger and the lazy search modules; kept tiny on purpose. */

/** The site's base path (`/` or `/talks/` under a subpath deploy), always with its slashes. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Where the build writes Pagefind's index and UI (src/integrations/pagefind.ts). */
export const BUNDLE_PATH = `${BASE}pagefind/`;

/** The query parameter result links carry so the landing page can highlight the matched words. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The full search page, as a path inside the site (what markup writes). */
export const SEARCH_PATH = '/search/';

/** The full search page's address, for client code (links in built HTML get the base at build end). */
export const SEARCH_URL = `${BASE}search/`;

/** The site's vocabulary for “Did you mean …”, written beside the index by the build. */
export const VOCABULARY_FILE = 'vocabulary.json';
