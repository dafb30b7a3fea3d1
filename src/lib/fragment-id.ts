/**
 * The element id a `#fragment` names, decoded; a malformed escape (`#%E0%A4%A`) is taken as
 * written rather than thrown, so a mangled link still opens its page. Imports nothing, so any
 * page script can use it without pulling in more.
 */
export function fragmentId(hash: string): string {
	const raw = hash.replace(/^#/, '');
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}
