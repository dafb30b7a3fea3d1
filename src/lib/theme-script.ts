/**
 * Applies a theme the reader chose before first paint, so there is no flash of the wrong one.
 * It must run inline in <head>; the CSP allows it by this exact text's hash (astro.config.mjs).
 */
export const THEME_SCRIPT =
	"try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
