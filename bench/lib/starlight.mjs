/**
 * The same five articles as a Starlight site (default theme, its built-in Pagefind search), for
 * comparison. Built in a temporary folder with its own npm install, never in the project. The
 * folder is kept between runs (in the system temp dir) so a second run need not reinstall.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT, run } from './common.mjs';
import { realArticles } from './scale.mjs';

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
	write(
		join(DIR, 'src/content/docs/index.md'),
		`---\ntitle: The 2022 Security Talks\ndescription: An explainer on the NATO–Russia–Ukraine security talks of January–March 2022, from five source articles.\n---\n\n${articles
			.map((a) => `- [${a.data.title}](/articles/${a.id}/)`)
			.join('\n')}\n`,
	);
	for (const a of articles) {
		write(
			join(DIR, `src/content/docs/articles/${a.id}.md`),
			`---\ntitle: ${JSON.stringify(a.data.title)}\ndescription: ${JSON.stringify(a.data.summary)}\n---\n\n${a.body}`,
		);
	}
	const build = await run(process.execPath, [join(DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: DIR,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
	});
	if (build.code !== 0) throw new Error(`Starlight build failed:\n${build.output.slice(-3000)}`);
	return { dist: join(DIR, 'dist'), version: STARLIGHT, buildSeconds: Number(build.seconds.toFixed(1)) };
}
