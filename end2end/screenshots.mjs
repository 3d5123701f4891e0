// Takes full-page screenshots of every public page at 360 px and 1280 px, with JavaScript on
// and off, in Spanish and English, into end2end/screenshots/ for people to look at.
//   node end2end/screenshots.mjs      (after `cargo leptos build`)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, startServer } from './tests/helpers.mjs';

const pages = ['/', '/departments/BO-L', '/departments/BO-T', '/gaps', '/embed/map?department=BO-N', '/methodology', '/missing-page'];
const outDir = join(import.meta.dirname, 'screenshots');
mkdirSync(outDir, { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const locale of ['es-BO', 'en-US']) {
    for (const width of [360, 1280]) {
      for (const javaScriptEnabled of [true, false]) {
        const { context, page, errors } = await openPage(browser, { javaScriptEnabled, width, locale });
        for (const path of pages) {
          await page.goto(server.baseUrl + path);
          const name = `${locale.slice(0, 2)}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}${path.replace(/[^a-zA-Z0-9]+/g, '_')}.png`;
          await page.screenshot({ path: join(outDir, name), fullPage: true });
        }
        if (errors.length) console.error(`console errors (${locale}, ${width}px):`, errors);
        await context.close();
      }
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.stop();
}
