// Automated WCAG 2.1 A/AA checks (axe-core) on every public page, in both languages and at
// phone and desktop widths. Automated checks catch contrast, names, labels and landmarks;
// they do not replace reading the pages with a screen reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = ['/', '/?requirement=shelter&as_of=2022-01-01', '/gaps', '/departments/BO-L', '/departments/BO-T', '/gaps?severity=critical', '/methodology', '/embed/map', '/no-such-page', '/signin', '/account/set-password?token=x', '/departments/BO-N/action-plan/new', '/departments/BO-N/suggest', '/history/1', '/suggestions/1-00000000000000000000000000000000', '/alerts?department=BO-N', '/alerts/confirm?token=x', '/alerts/unsubscribed'];
// What staff see, checked signed in as an admin (who sees every form).
const staffPages = ['/dashboard', '/moderation', '/admin/users', '/admin/users/1/disable', '/admin/import', '/departments/BO-N', '/departments/BO-N/action-plan/new', '/departments/BO-N/action-plan/gaps/missing/reply', '/admin/alerts'];

const env = useServerAndBrowser();

for (const locale of ['es-BO', 'en-US']) {
  for (const width of [360, 1280]) {
    test(`no WCAG 2.1 AA violations (${locale}, ${width} px)`, async () => {
      // The site's CSP rightly refuses injected scripts; axe is one, for this test only.
      const { context, page } = await openPage(env.browser, { javaScriptEnabled: true, width, locale, bypassCSP: true });
      const found = [];
      const check = async (path) => {
        await page.goto(env.server.baseUrl + path);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() =>
          window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
        );
        for (const violation of result.violations) {
          found.push(`${path}: ${violation.id} (${violation.impact}) on ${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }
      };
      for (const path of pages) await check(path);
      await signInAs(page, env.server, { email: `a11y-${locale}-${width}@example.org`, role: 'admin', name: 'Revisión de accesibilidad' });
      for (const path of staffPages) await check(path);
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}
