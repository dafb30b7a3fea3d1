/**
 * The same content as a Starlight site (default theme, its built-in Pagefind search), for
 * comparison: a page for each page type of ours at the same path, made from the same files (see
 * `STARLIGHT_PAGES`). Built in a temporary folder with its own npm install, never in the project.
 * The folder is kept between runs (in the system temp dir) so a second run need not reinstall.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT, run } from './common.mjs';
import { realArticles } from './scale.mjs';

/**
 * What stands in for each of our page types on the Starlight site. Starlight has no search page
 * (its search is a dialog on every page), so the search page has no counterpart; search itself is
 * compared in its own table.
 */
export const STARLIGHT_PAGES = {
	home: 'its home page: a list of the five articles',
	article: 'the article’s text as a Markdown page',
	explainer: 'the explainer’s text as Markdown, citations as numbered links, context notes as asides',
	timeline: 'every event (date, title, summary, sources) as a Markdown list',
	person: 'the person’s name, role, description and the articles that name them',
	search: null,
};

/** An explainer's MDX body as plain Markdown: components dropped, their text kept. */
export function explainerMarkdown(body) {
	let n = 0;
	return body
		.replace(/^import .*$/gm, '')
		.replace(/<Cite\s+article="([^"]+)"\s+p="([^"]+)"\s*\/>/g, (_, a, p) => `[[${++n}]](/articles/${a}/#${p})`)
		.replace(/<ContextNote\s+reference="([^"]*)"\s*>/g, (_, ref) => `:::note[Context: ${ref.replace(/[[\]]/g, '')}]`)
		.replace(/<\/ContextNote>/g, ':::')
		.replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, '')
		.replace(/<\/?[A-Z][A-Za-z]*\b[^>]*>/g, '');
}

const page = (title, description, body) =>
	`---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\n---\n\n${body}\n`;

const STARLIGHT = '0.42.4';
const DIR = join(tmpdir(), `talks-bench-starlight-${STARLIGHT}`);

function write(path, text) {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, text);
}

export async function buildStarlight(log) {
	const astro = JSON.parse(readFileSync(join(PROJECT, 'node_modules/astro/package.json'), 'utf8')).version;
	const pkg = {
		name: 'talks-starlight-bench',
		private: true,
		type: 'module',
		dependencies: { astro, '@astrojs/starlight': STARLIGHT },
	};
	const wanted = JSON.stringify(pkg, null, '\t');
	mkdirSync(DIR, { recursive: true });
	const installed =
		existsSync(join(DIR, 'node_modules/@astrojs/starlight')) &&
		readFileSync(join(DIR, 'package.json'), 'utf8') === wanted;
	if (!installed) {
		writeFileSync(join(DIR, 'package.json'), wanted);
		log(`Installing Starlight ${STARLIGHT} with Astro ${astro} in ${DIR} …`);
		// npm from the project's Node, so the install matches the Node that builds.
		const npm = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DIR });
		if (npm.code !== 0) throw new Error(`npm install for Starlight failed:\n${npm.output.slice(-3000)}`);
	}

	rmSync(join(DIR, 'src'), { recursive: true, force: true });
	rmSync(join(DIR, 'dist'), { recursive: true, force: true });
	write(
		join(DIR, 'astro.config.mjs'),
		`import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({ site: 'http://localhost:4442', integrations: [starlight({ title: 'The 2022 Security Talks' })] });
`,
	);
	write(
		join(DIR, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	const articles = realArticles();
	const docs = join(DIR, 'src/content/docs');
	write(
		join(docs, 'index.md'),
		page(
			'The 2022 Security Talks',
			'An explainer on the NATO–Russia–Ukraine security talks of January–March 2022, from five source articles.',
			articles.map((a) => `- [${a.data.title}](/articles/${a.id}/)`).join('\n'),
		),
	);
	for (const a of articles) write(join(docs, `articles/${a.id}.md`), page(a.data.title, a.data.summary, a.body));

	const explainers = join(PROJECT, 'src/content/explainers');
	for (const file of readdirSync(explainers).filter((f) => f.endsWith('.mdx'))) {
		const [, yaml, body] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(
			readFileSync(join(explainers, file), 'utf8'),
		);
		const data = parse(yaml);
		write(
			join(docs, `explainers/${file.replace(/\.mdx$/, '')}.md`),
			page(data.title, data.description, explainerMarkdown(body)),
		);
	}

	const events = parse(readFileSync(join(PROJECT, 'src/content/events.yaml'), 'utf8'));
	write(
		join(docs, 'timeline.md'),
		page(
			'Timeline',
			'Every event in the sources, from 1949 to March 2022.',
			events
				.map(
					(e) =>
						`## ${e.title}\n\n${e.date}${e.end ? ` to ${e.end}` : ''} · ${e.track}\n\n${e.summary}\n\nSources: ${e.sources
							.map((s) => `[${s.article} ${s.p}](/articles/${s.article}/#${s.p})`)
							.join(', ')}`,
				)
				.join('\n\n'),
		),
	);

	const people = parse(readFileSync(join(PROJECT, 'src/content/people.yaml'), 'utf8'));
	for (const p of people) {
		const naming = articles.filter((a) => a.data.people?.includes(p.id));
		write(
			join(docs, `people/${p.id}.md`),
			page(
				p.name,
				p.description,
				`**${p.role}**\n\n${p.description}\n\n## Named in\n\n${naming.map((a) => `- [${a.data.title}](/articles/${a.id}/)`).join('\n') || 'No article.'}`,
			),
		);
	}
	const build = await run(process.execPath, [join(DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: DIR,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
	});
	if (build.code !== 0) throw new Error(`Starlight build failed:\n${build.output.slice(-3000)}`);
	return { dist: join(DIR, 'dist'), version: STARLIGHT, buildSeconds: Number(build.seconds.toFixed(1)) };
}
