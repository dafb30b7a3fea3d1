/**
 * Reading an id out of a URL's fragment without ever throwing. A shared link can carry anything
 * after the `#`, including a broken percent-escape (`#%E0%A4%A`), on which `decodeURIComponent`
 * throws; a page must then carry on as if there were no fragment, not stop its scripts.
 */

/** The fragment (with or without its `#`) decoded, or undefined when it is empty or not valid percent-encoding. */
export function idFromHash(hash: string): string | undefined {
	const raw = hash.startsWith('#') ? hash.slice(1) : hash;
	if (raw === '') return undefined;
	try {
		return decodeURIComponent(raw);
	} catch {
		return undefined;
	}
}
