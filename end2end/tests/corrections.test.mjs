// Correcting a claim without losing anything, and forms that never throw work away, as an
// officer meets them on a phone and a laptop, with JavaScript on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const submit = 'Agregar al historial';

/** Fills a verified in-force plan, every field a claim needs, citing `title`. */
async function fillPlan(page, { note, title }) {
  await page.getByLabel('Estado', { exact: true }).selectOption('in-force');
  await page.getByLabel('Momento que describe la afirmación').fill('2025-04');
  await page.getByLabel('Fecha en que rige el estado').fill('2025-04-02');
  await page.getByLabel('Nivel de evidencia').selectOption('verified');
  await page.getByLabel('Nota: qué cambió y con qué fundamento').fill(note);
  await page.getByLabel('Autor del hallazgo').fill('Gobernación de Pando');
  await page.getByLabel('Título').fill(title);
  await page.getByLabel('Enlace (URL)').fill('https://example.org/res-45');
  await page.getByLabel('Fecha de publicación de la fuente').fill('2025-05');
}

async function choosePdf(page, javaScriptEnabled, name) {
  await page.getByLabel('Documento PDF (opcional)').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
  if (javaScriptEnabled) await page.locator('input#document[data-checked]').waitFor();
}

/** Whether the page's focused element is `selector`'s (read by the test, not the page). */
async function focused(page, selector) {
  return page.locator(selector).evaluate((element) => element === document.activeElement);
}

/** No element is wider than the phone's screen. */
async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

for (const javaScriptEnabled of [true, false]) {
  for (const width of [360, 1280]) {
    const mode = `${javaScriptEnabled ? 'js' : 'nojs'}-${width}`;
    test(`an officer corrects one date of a verified claim and keeps its PDF (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px)`, async () => {
      const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width });
      await signInAs(page, env.server, { email: `fix-${mode}@example.org`, role: 'officer', departments: ['BO-N'], name: `Eva ${mode}` });
      await page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/new');
      const note = `El consejo aprobó el plan (${mode}).`;
      await fillPlan(page, { note, title: `Resolución 45/2025 (${mode})` });
      await choosePdf(page, javaScriptEnabled, `resolucion-${mode}.pdf`);
      await page.getByRole('button', { name: submit }).click();
      await page.waitForURL(/\/departments\/BO-N$/);
      // The confirmation is at the top, in view, with a link to the new entry.
      const saved = page.getByRole('status').filter({ hasText: 'Afirmación registrada' });
      assert.ok(await saved.isVisible());
      const entry = await saved.getByRole('link').getAttribute('href');
      assert.match(entry, /^#claim-\d+$/);

      const claim = page.locator(`li${entry}`);
      await claim.getByRole('link', { name: 'Corregir esta afirmación' }).click();
      await page.waitForURL(/\/action-plan\/new\?corrects=\d+$/);
      assert.equal(await page.getByLabel('Nota: qué cambió y con qué fundamento').inputValue(), note, 'every field comes along');
      assert.equal(await page.getByLabel('Nivel de evidencia').inputValue(), 'verified');
      const keep = page.getByLabel(new RegExp(`Conservar resolucion-${mode}\\.pdf`));
      assert.ok(await keep.isChecked(), 'the PDF is kept by reference');
      assert.ok(await fitsWidth(page), 'the form fits the screen');

      await page.getByLabel('Fecha en que rige el estado').fill('2025-05-02');
      await page.getByLabel('Qué se corrige y por qué').fill('La resolución es del 2 de mayo.');
      await page.getByRole('button', { name: submit }).click();
      await page.waitForURL(/\/departments\/BO-N$/);
      const correction = page.locator('li.correction').first();
      assert.match(await correction.textContent(), /Corrige la afirmación n\.º \d+/);
      assert.match(await correction.textContent(), /La resolución es del 2 de mayo\./);
      assert.equal(await correction.getByRole('link', { name: `resolucion-${mode}.pdf` }).count(), 1, 'the PDF is under the correction');
      assert.match(await page.locator('li.corrected').first().textContent(), /Corregida por la afirmación n\.º \d+/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  const mode = javaScriptEnabled ? 'js' : 'nojs';
  const width = javaScriptEnabled ? 1280 : 360;
  test(`a form refused for its problems keeps its file and text and leads to each problem (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px)`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width });
    await signInAs(page, env.server, { email: `keep-${mode}@example.org`, role: 'officer', departments: ['BO-N'], name: `Rui ${mode}` });
    await page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/new');
    // Problems the browser cannot see before sending (it checks required fields itself): a
    // note over its limit, and a day the calendar does not have.
    const note = `Texto que nadie quiere escribir dos veces (${mode}). `.repeat(120);
    await fillPlan(page, { note, title: `Informe (${mode})` });
    await page.getByLabel('Fecha límite').fill('2026-02-30');
    await choosePdf(page, javaScriptEnabled, `informe-${mode}.pdf`);
    await page.getByRole('button', { name: submit }).click();
    await page.waitForURL(/\/action-plan\/new$/);

    assert.match(await page.title(), /^Error: /);
    const summary = page.locator('.error-summary');
    assert.match(await summary.textContent(), /Hay 2 problemas/);
    assert.ok(await focused(page, '.error-summary'), 'the summary takes the focus');
    await summary.getByRole('link', { name: /Nota/ }).click();
    assert.ok(await focused(page, '#note'), 'a problem leads to its field');
    assert.match(await page.locator('#due_date-error').textContent(), /no existe en el calendario/);
    assert.match(await page.locator('#note-error').textContent(), /como máximo 4000/);
    assert.ok(await page.getByLabel('Nota: qué cambió y con qué fundamento').inputValue() === note, 'every word comes back');
    assert.match(await page.locator('.kept-document').textContent(), new RegExp(`Archivo conservado: informe-${mode}\\.pdf`));
    assert.ok(await fitsWidth(page));

    // Corrected and sent again without choosing the file: the kept one is saved.
    await page.getByLabel('Nota: qué cambió y con qué fundamento').fill(`Texto corto (${mode}).`);
    await page.getByLabel('Fecha límite').fill('');
    await page.getByRole('button', { name: submit }).click();
    await page.waitForURL(/\/departments\/BO-N$/);
    const entry = await page.getByRole('status').getByRole('link').getAttribute('href');
    assert.equal(await page.locator(`li${entry}`).getByRole('link', { name: `informe-${mode}.pdf` }).count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
