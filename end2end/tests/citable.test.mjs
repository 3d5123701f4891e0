// A record anyone can cite and share: the citation is selected whole with the keyboard (no
// script needed), and a link in English stays in English, with JavaScript on and off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

for (const javaScriptEnabled of [true, false]) {
  describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('the citation is selected whole, ready to copy', async () => {
      const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
      for (const path of ['/departments/BO-L', '/history/1']) {
        await page.goto(env.server.baseUrl + path);
        await page.getByRole('heading', { name: 'Cómo citar' }).waitFor();
        for (const [label, start] of [['Referencia', 'Vigía ('], ['BibTeX', '@online{vigia-']]) {
          const field = page.getByLabel(label, { exact: true });
          assert.equal(await field.getAttribute('readonly'), '');
          await field.click();
          await page.keyboard.press('ControlOrMeta+A');
          const selected = await field.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
          assert.ok(selected.startsWith(start), `${path} ${label}: ${selected}`);
          assert.equal(selected, await field.inputValue(), `${path} ${label}: all of it`);
          assert.match(selected, new RegExp(`${path}\\?lang=es`), `${path} ${label}: its address`);
        }
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a link in English opens in English and its links stay in English', async () => {
      // The reader's browser prefers Spanish.
      const { context, page } = await openPage(env.browser, { javaScriptEnabled, locale: 'es-BO' });
      await page.goto(env.server.baseUrl + '/departments/BO-L?lang=en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.getByRole('heading', { name: 'How to cite' }).waitFor();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Gaps', exact: true }).click();
      await page.waitForURL('**/gaps?lang=en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.getByRole('link', { name: 'Español' }).click();
      await page.waitForURL('**/gaps?lang=es');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await context.close();
    });
  });
}
