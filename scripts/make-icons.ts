/** Renders assets/icon.svg (the icon's source) to the PNG sizes the manifest uses (public/icon/<size>.png), in Chromium. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, projectRoot } from '../test/harness/chromium';

const svg = await readFile(path.join(projectRoot, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>*{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: path.join(projectRoot, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
