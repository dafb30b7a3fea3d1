/**
 * Preview cards (Open Graph images), one PNG per page and, unless switched off (SHARE.quoteCards),
 * one per shareable anchor, at `/og/<page path>.png` and `/og/s/<page path>/<anchor>.png`.
 * Rendered at build time and cached by content hash (src/lib/card-render.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareData } from '../../data/share';
import { cardPath, type CardSpec } from '../../lib/card';
import { cachedCard } from '../../lib/card-render';
import { SITE } from '../../lib/site';

/** `/og/articles/x.png` → `articles/x`, the rest parameter. */
const param = (path: string) => cardPath(path).replace(/^\/og\/|\.png$/g, '');

export const getStaticPaths = (async () => {
	const { pages, anchors } = await shareData();
	return [
		...[...pages].map(([path, card]) => ({ params: { card: param(path) }, props: { card } })),
		...anchors.flatMap((a) => (a.card ? [{ params: { card: param(a.path) }, props: { card: a.card } }] : [])),
	];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardSpec }> = async ({ props }) =>
	new Response(new Uint8Array(await cachedCard(props.card, SITE)), { headers: { 'Content-Type': 'image/png' } });
