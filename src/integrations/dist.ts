/** Reading a built site in dist/: shared by the build checks, the dist tests and the benchmark. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sitePathOfFile } from '../lib/links';

/** Every file under `dir`, as paths relative to it, sorted so that reports come out in a stable order. */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (at: string) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			const full = join(at, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) out.push(relative(dir, full));
		}
	};
	walk(dir);
	return out.sort();
}

export interface BuiltPage {
	/** Site path: `/`, `/articles/x/`, `/404.html`. */
	path: string;
	/** File relative to dist: `articles/x/index.html`. */
	file: string;
	html: string;
}

/** Every HTML page of a built site. */
export function builtPages(dist: string): BuiltPage[] {
	return listFiles(dist)
		.filter((f) => f.endsWith('.html'))
		.map((file) => ({ path: sitePathOfFile(file), file, html: readFileSync(join(dist, file), 'utf8') }));
}

/** Reads a file of the built site by site path, for `weighPage`. */
export const distReader =
	(dist: string) =>
	(sitePath: string): Uint8Array | undefined => {
		try {
			return readFileSync(join(dist, sitePath));
		} catch {
			return undefined;
		}
	};
