// Takes full-page screenshots of every public page, and of the staff pages signed in as an
// admin (after a suggestion and a department's reply give them something to show), at 360 px
// and 1280 px, with JavaScript on and off, in Spanish and English, into end2end/screenshots/.
//   node end2end/screenshots.mjs      (after `cargo leptos build`)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, signInAs, startServer } from './tests/helpers.mjs';

const pages = ['/', '/departments/BO-L', '/departments/BO-T', '/gaps', '/embed/map?department=BO-N', '/methodology', '/missing-page', '/departments/BO-N/suggest', '/history/1', '/alerts?department=BO-N', '/alerts/confirm?token=x'];
const staffPages = ['/dashboard', '/moderation', '/admin/users', '/admin/users/1/disable', '/admin/import', '/departments/BO-N', '/departments/BO-N/action-plan/new', '/admin/alerts'];
const outDir = join(import.meta.dirname, 'screenshots');
mkdirSync(outDir, { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
let accounts = 0;
try {
  {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(server.baseUrl + '/departments/BO-N/suggest');
    await page.locator('textarea[name=body]').fill('El plan de Pando fue aprobado en marzo de 2025, según la Gobernación.');
    await page.locator('input[name=organisation]').fill('Fundación Ejemplo');
    await page.locator('form.claim-form button[type=submit]').click();
    // The submitter's follow link, shown once: its page is photographed with the others.
    pages.push(new URL(await page.locator('#follow-link').getAttribute('href')).pathname);
    await signInAs(page, server, { email: 'rep@example.org', role: 'department', departments: ['BO-N'], name: 'Gobernación de Pando' });
    await page.goto(server.baseUrl + '/departments/BO-N/action-plan/gaps/missing/reply');
    await page.locator('textarea[name=body]').fill('El plan fue aprobado por Resolución 45/2025; adjuntamos la resolución.');
    await page.locator('form.claim-form button[type=submit]').click();
    await context.close();
  }
  for (const locale of ['es-BO', 'en-US']) {
    for (const width of [360, 1280]) {
      for (const javaScriptEnabled of [true, false]) {
        const { context, page, errors } = await openPage(browser, { javaScriptEnabled, width, locale });
        for (const path of pages) {
          await page.goto(server.baseUrl + path);
          const name = `${locale.slice(0, 2)}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}${path.replace(/[^a-zA-Z0-9]+/g, '_')}.png`;
          await page.screenshot({ path: join(outDir, name), fullPage: true });
        }
        await signInAs(page, server, { email: `admin-${++accounts}@example.org`, role: 'admin', name: 'Administración' });
        for (const path of staffPages) {
          await page.goto(server.baseUrl + path);
          const name = `${locale.slice(0, 2)}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}-staff${path.replace(/[^a-zA-Z0-9]+/g, '_')}.png`;
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
