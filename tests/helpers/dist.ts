/** The built site in dist/, for the gates that read it. Fails clearly when there is no build. */
import { existsSync } from 'node:fs';
import { builtPages, type BuiltPage } from '../../src/integrations/dist';

export const DIST = 'dist';

export function distPages(): BuiltPage[] {
	if (!existsSync(`${DIST}/index.html`)) throw new Error('dist/ has no site in it: run `npm run build` first');
	const pages = builtPages(DIST);
	if (pages.length < 5) throw new Error(`dist/ holds only ${pages.length} pages: rebuild the site`);
	return pages;
}
