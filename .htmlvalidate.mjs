/**
 * html-validate for every built page (tests/dist/html.test.ts): the recommended preset (stricter
 * than standard) plus the document rules (heading order, ARIA references, labels, SRI).
 */
export default {
	root: true,
	extends: ['html-validate:recommended', 'html-validate:document'],
	rules: {
		// Article pages are titled with the source's own headline, verbatim, and headlines run past 70
		// characters; shortening them would misquote the source.
		'long-title': 'off',
		// Every script and stylesheet is our own, same-origin and hash-pinned by the CSP; SRI is for
		// resources from other origins, and any such resource must carry it.
		'require-sri': ['error', { target: 'crossorigin' }],
	},
};
