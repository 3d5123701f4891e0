// The data page as a journalist uses it, with JavaScript on and off, on a phone and a
// laptop; and the data package, downloaded and validated offline with Frictionless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, root, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

for (const [javaScriptEnabled, width] of [[false, 360], [true, 1280]]) {
  test(`the menu's "Datos" leads to every file, the dictionary and a citation (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px)`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width });
    await page.goto(env.server.baseUrl + '/');
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Datos' }).click();
    await page.waitForURL(env.server.baseUrl + '/data');
    await page.getByRole('heading', { level: 1, name: 'Datos abiertos' }).waitFor();
    const citation = await page.getByLabel('Cita', { exact: true }).inputValue();
    assert.match(citation, /versión \d{4}-\d{2}-\d{2}\.\d+, datos al \d{1,2} de \p{L}+ de \d{4}\. http\S+\/data\?as_of=\d{4}-\d{2}-\d{2}\. Licencia CC BY 4\.0\./u);
    // A spreadsheet's CSV, downloaded as a person would: with a byte-order mark and names.
    const href = await page.getByRole('link', { name: 'CSV para hojas de cálculo' }).first().getAttribute('href');
    const response = await page.request.get(new URL(href, page.url()).href);
    const body = Buffer.from(await response.body());
    assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(body.toString('utf8'), /BO-L,La Paz,action-plan,Plan departamental/);
    await page.getByText('Afirmaciones (claims)').click();
    await page.getByText('Cuándo se registró la afirmación en Vigía.').waitFor();
    await page.getByRole('link', { name: 'API de datos abiertos (OpenAPI)' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the data page reads in English too', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await page.goto(env.server.baseUrl + '/data?lang=en');
  await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
  assert.match(await page.getByLabel('Citation', { exact: true }).inputValue(), /\[data set\], version /);
  await page.getByRole('link', { name: 'Everything in one Excel workbook (XLSX)' }).waitFor();
  await context.close();
});

test('the data package validates offline with Frictionless', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'vigia-package-'));
  try {
    const descriptor = await (await fetch(env.server.baseUrl + '/data/datapackage.json')).json();
    writeFileSync(join(directory, 'datapackage.json'), JSON.stringify(descriptor));
    for (const resource of descriptor.resources) {
      const file = await fetch(`${env.server.baseUrl}/data/${resource.path}?as_of=${descriptor.version.split('.')[0]}`);
      assert.equal(file.status, 200, resource.path);
      writeFileSync(join(directory, resource.path), Buffer.from(await file.arrayBuffer()));
    }
    const frictionless = join(root, '.tools', 'frictionless', 'bin', 'frictionless');
    // Throws, with Frictionless' report, when any file breaks its schema.
    const report = execFileSync(frictionless, ['validate', '--json', 'datapackage.json'], { cwd: directory }).toString();
    const { valid, tasks } = JSON.parse(report);
    assert.equal(valid, true);
    assert.deepEqual(tasks.map((t) => t.name).sort(), ['claims', 'gaps', 'national', 'records', 'timeline']);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
