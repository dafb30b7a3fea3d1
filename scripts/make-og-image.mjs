#!/usr/bin/env node
/** Renders public/og.png, the default share image (1200×630), from HTML. Run after changing the site name. */
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './find-chromium.mjs';

const executablePath = await findChromium();
const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_FLAGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(`<!doctype html><html><body style="margin:0;width:1200px;height:630px;background:#fbfaf7;color:#1c1b19;
font-family:system-ui,sans-serif;display:flex;flex-direction:column;justify-content:center;padding:0 96px;box-sizing:border-box">
<div style="font-size:28px;letter-spacing:.06em;text-transform:uppercase;color:#55524b">January–March 2022 · sourced explainer</div>
<div style="font-size:84px;font-weight:800;line-height:1.05;margin:24px 0;letter-spacing:-.02em">The 2022 Security Talks</div>
<div style="font-size:40px;color:#1f4fa3">NATO, Russia and Ukraine, January–March 2022</div>
<div style="position:absolute;left:96px;right:96px;bottom:72px;border-top:4px solid #1c1b19;padding-top:20px;font-size:26px;color:#55524b">
Every claim linked to the paragraph that supports it</div></body></html>`);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
console.log('Wrote public/og.png');
