/** Shared by the eager trigger and the lazy search modules; kept tiny on purpose. */

/** Where the build writes Pagefind's index and UI (src/integrations/pagefind.ts). */
export const BUNDLE_PATH = '/pagefind/';

/** The query parameter result links carry so the landing page can highlight the matched words. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The full search page. */
export const SEARCH_PATH = '/search/';

/** The site's vocabulary for “Did you mean …”, written beside the index by the build. */
export const VOCABULARY_FILE = 'vocabulary.json';
