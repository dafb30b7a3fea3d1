/** Spelling groups, lower-case, the site's spelling first (src/integrations/pagefind.ts). */
declare module 'virtual:site/search-spellings' {
	const groups: string[][];
	export default groups;
}
