// The public pages as a reader uses them, with JavaScript on and off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

for (const javaScriptEnabled of [true, false]) {
  describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('the map shows nine departments and opens one', async () => {
      const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
      await page.goto(env.server.baseUrl + '/');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.equal(await page.locator('svg.map path[data-code]').count(), 9);
      await page.locator('svg.map a[href="/departments/BO-N"]').click();
      await page.waitForURL('**/departments/BO-N');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Pando');
      assert.match(await page.locator('main').textContent(), /En 2020, Pando no tenía plan departamental/);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the legend tells an inferred status from a stated one', async () => {
      const { context, page } = await openPage(env.browser, { javaScriptEnabled });
      await page.goto(env.server.baseUrl + '/');
      const legend = page.getByRole('list', { name: 'Leyenda del mapa' });
      await legend.getByText('Sin información (deducción de Vigía)').waitFor();
      await legend.getByText('Sin plan', { exact: true }).waitFor();
      // The inferred swatch and the map share a dotted fill no stated status uses.
      const inferred = page.locator('svg.map path.inferred');
      assert.equal(await inferred.count(), 6);
      const fill = await inferred.first().evaluate((el) => getComputedStyle(el).fill);
      assert.match(fill, /url\("?#dots-unknown"?\)/);
      const stated = await page.locator('svg.map path[data-code="BO-L"]').evaluate((el) => getComputedStyle(el).fill);
      assert.doesNotMatch(stated, /url/);
      await context.close();
    });

    test('the language switch changes the page and is remembered', async () => {
      const { context, page } = await openPage(env.browser, { javaScriptEnabled });
      await page.goto(env.server.baseUrl + '/gaps');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/gaps');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Open gaps');
      await page.getByRole('link', { name: 'Map', exact: true }).click();
      await page.waitForURL(env.server.baseUrl + '/');
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice is remembered');
      await page.getByRole('link', { name: 'Español' }).click();
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await context.close();
    });

    test('the gaps page filters by severity and department', async () => {
      const { context, page } = await openPage(env.browser, { javaScriptEnabled });
      await page.goto(env.server.baseUrl + '/gaps');
      const all = await page.locator('li.gap').count();
      await page.getByLabel('Gravedad').selectOption('critical');
      await page.getByLabel('Departamento').selectOption('BO-N');
      await page.getByRole('button', { name: 'Filtrar' }).click();
      await page.waitForURL(/severity=critical/);
      const shown = page.locator('li.gap');
      assert.equal(await shown.count(), 2);
      assert.ok(all > 2);
      for (const item of await shown.all()) {
        assert.match(await item.getAttribute('class'), /gap-critical/);
        assert.match(await item.textContent(), /Pando/);
      }
      assert.equal(await page.getByLabel('Gravedad').inputValue(), 'critical', 'the form keeps the filter');
      await context.close();
    });
  });
}

test('with JavaScript, the home page loads no script or wasm and its embed code can be selected', async () => {
  const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled: true });
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(env.server.baseUrl + '/', { waitUntil: 'networkidle' });
  assert.deepEqual(fetched.filter((path) => /\.(js|wasm)$/.test(path)), [], fetched.join(' '));
  await page.getByLabel('Código para insertar').selectText();
  const selected = await page.evaluate(() => {
    const field = document.getElementById('embed-code');
    return field.value.slice(field.selectionStart, field.selectionEnd);
  });
  assert.match(selected, /<iframe src=".*\/embed\/map"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript, the embed code is still there to select', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.baseUrl + '/');
  const code = await page.getByLabel('Código para insertar').inputValue();
  assert.match(code, /\/embed\/map/);
  assert.match(await page.locator('#embed-how').innerText(), /Seleccione todo el código/);
  await context.close();
});
