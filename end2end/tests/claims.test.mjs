// An officer records Pando's plan as in force with a note and a PDF, and the public map shows
// it, with JavaScript on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser } from './helpers.mjs';

// A minimal valid PDF: what matters is its content, which the server checks.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const env = useServerAndBrowser();

const passphrase = 'una frase larga y segura';

async function signIn(page, javaScriptEnabled) {
  const email = `pando-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`;
  const link = env.server.addUser({ email, role: 'officer', departments: ['BO-N'], name: 'Ana Quispe' });
  await page.goto(env.server.baseUrl + link);
  await page.getByLabel('Nueva contraseña').fill(passphrase);
  await page.getByLabel('Repita la contraseña').fill(passphrase);
  await page.getByRole('button', { name: 'Guardar contraseña e ingresar' }).click();
  await page.waitForURL(env.server.baseUrl + '/dashboard');
}

for (const javaScriptEnabled of [true, false]) {
  test(`an officer records Pando's plan and the map shows it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
    await signIn(page, javaScriptEnabled);
    await page.goto(env.server.baseUrl + '/departments/BO-N');
    await page.getByRole('link', { name: 'Registrar una nueva afirmación' }).first().click();
    await page.waitForURL('**/departments/BO-N/action-plan/new');

    await page.getByLabel('Estado', { exact: true }).selectOption('in-force');
    // A first try with neither the date it took effect nor an end of validity is refused, keeping what was typed.
    await page.getByLabel('Fecha en que rige el estado').fill('');
    await page.getByLabel('Nota: qué cambió y con qué fundamento').fill('El consejo aprobó el plan.');
    await page.getByLabel('Momento que describe la afirmación').fill('2025-05');
    await page.getByLabel('Autor del hallazgo').fill('Gobernación de Pando');
    await page.getByLabel('Título').fill('Resolución 45/2025');
    await page.getByLabel('Enlace (URL)').fill('https://example.org/res-45.pdf');
    await page.getByLabel('Fecha de publicación de la fuente').fill('2025-05');
    await page.getByRole('button', { name: 'Agregar al historial' }).click();
    // Beside its field, and in the summary at the top that leads to it.
    await page.locator('#status_since-error').getByText('Un instrumento vigente necesita la fecha en que empezó a regir o la de fin de su vigencia.').waitFor();
    await page.locator('.error-summary a[href="#status_since"]').waitFor();
    assert.equal(await page.getByLabel('Nota: qué cambió y con qué fundamento').inputValue(), 'El consejo aprobó el plan.');

    await page.getByLabel('Fecha en que rige el estado').fill('2025-05');
    if (javaScriptEnabled) {
      // With JavaScript a wrong file is flagged when chosen, before anything is uploaded.
      await page.locator('input#document[data-checked]').waitFor();
      await page.getByLabel('Documento PDF (opcional)').setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') });
      await page.getByText('El archivo no es un PDF').waitFor();
    }
    // Browsers never keep a chosen file across a refused form, so it is chosen now.
    await page.getByLabel('Documento PDF (opcional)').setInputFiles({ name: 'resolucion-45.pdf', mimeType: 'application/pdf', buffer: pdf });
    // With JavaScript the file's first bytes are read before it is judged.
    if (javaScriptEnabled) await page.locator('input#document[data-checked]').waitFor();
    assert.equal(await page.locator('#document-check').textContent(), '');
    await page.getByRole('button', { name: 'Agregar al historial' }).click();
    await page.waitForURL(/\/departments\/BO-N$/);
    assert.match(await page.locator('main').textContent(), /Registrado por Ana Quispe/);

    // The PDF is offered as a download with the bytes that were sent.
    const link = page.getByRole('link', { name: 'resolucion-45.pdf' }).first();
    const response = await page.request.get(env.server.baseUrl + await link.getAttribute('href'));
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.match(response.headers()['content-disposition'], /^attachment;/);
    assert.deepEqual(Buffer.from(await response.body()), pdf);

    await page.goto(env.server.baseUrl + '/');
    assert.match(await page.locator('path[data-code="BO-N"]').getAttribute('data-category'), /^in-force/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
