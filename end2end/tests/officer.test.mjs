// Officer workflows, with JavaScript on and off: a claim whose source is an uploaded PDF
// (no link), and a suggestion from its submission to its follow-up, accepted once its claim
// is saved or rejected with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Fills what every claim needs apart from its source link. */
async function fillClaim(page, { note, title }) {
  await page.getByLabel('Estado', { exact: true }).selectOption('in-preparation');
  await page.getByLabel('Momento que describe la afirmación').fill('2025-05');
  await page.getByLabel('Nota: qué cambió y con qué fundamento').fill(note);
  await page.getByLabel('Autor del hallazgo').fill('Gobernación de Pando');
  await page.getByLabel('Título').fill(title);
  await page.getByLabel('Fecha de publicación de la fuente').fill('2025-05');
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';

  test(`an officer cites an uploaded PDF as the source, with no link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
    await signInAs(page, env.server, { email: `pdf-${mode}@example.org`, role: 'officer', departments: ['BO-N'], name: `Rosa ${mode}` });
    await page.goto(env.server.baseUrl + '/departments/BO-N/shelter/new');
    assert.equal(await page.locator('input[type=date]').count(), 0, 'dates are typed, never picked');
    assert.equal(await page.getByLabel('Nota: qué cambió y con qué fundamento').getAttribute('aria-required'), 'true');
    const title = `Nota 12/2025 (${mode})`;
    await fillClaim(page, { note: `El borrador del albergue fue enviado (${mode}).`, title });
    await page.getByLabel('Enlace (URL)').fill('');
    const input = page.getByLabel('Documento PDF (opcional)');
    if (javaScriptEnabled) {
      // A text file named .pdf is flagged by its first bytes, before anything is uploaded.
      await page.locator('input#document[data-checked]').waitFor();
      await input.setInputFiles({ name: 'nota.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hola, no soy un PDF') });
      await page.getByText('El archivo no es un PDF').waitFor();
    } else {
      // Without a link or a PDF the source is missing: the form says so and keeps the rest.
      await page.getByRole('button', { name: 'Agregar al historial' }).click();
      await page.locator('#source_url-error').waitFor();
      assert.equal(await page.getByLabel('Título').inputValue(), title);
    }
    await input.setInputFiles({ name: `nota-${mode}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    if (javaScriptEnabled) await page.locator('input#document[data-checked]').waitFor();
    assert.equal(await page.locator('#document-check').textContent(), '');
    await page.getByRole('button', { name: 'Agregar al historial' }).click();
    await page.waitForURL(/\/departments\/BO-N$/);
    await page.getByRole('status').filter({ hasText: 'Afirmación registrada en el historial' }).waitFor();
    const source = page.getByRole('link', { name: title });
    assert.match(await source.first().getAttribute('href'), /^\/documents\/\d+$/, 'the source is the document');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`a suggestion is followed from its submission to its outcome (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const visitor = await openPage(env.browser, { javaScriptEnabled });
    const accepted = `Pando envió su plan al consejo (${mode}).`;
    const rejected = `El albergue cerró (${mode}).`;
    const links = [];
    for (const [body, requirement] of [[accepted, 'action-plan'], [rejected, '']]) {
      await visitor.page.goto(env.server.baseUrl + '/departments/BO-N');
      await visitor.page.getByRole('link', { name: 'Sugerir una corrección' }).click();
      if (requirement) await visitor.page.getByLabel('Instrumento al que se refiere').selectOption(requirement);
      await visitor.page.getByLabel('Qué no es correcto y qué debería decir').fill(body);
      await visitor.page.getByLabel('Organización (opcional)').fill('Fundación Ejemplo');
      await visitor.page.getByRole('button', { name: 'Enviar sugerencia' }).click();
      await visitor.page.getByText('Gracias. Su sugerencia está en la cola de revisión').waitFor();
      links.push(await visitor.page.locator('#follow-link').getAttribute('href'));
      // The copy button is an island: it shows once the page's wasm has hydrated it.
      if (javaScriptEnabled) await visitor.page.getByRole('button', { name: 'Copiar el enlace' }).waitFor();
    }
    assert.deepEqual(visitor.errors, []);
    await visitor.page.goto(links[0]);
    await visitor.page.getByText('En cola', { exact: true }).waitFor();

    const officer = await openPage(env.browser, { javaScriptEnabled });
    await signInAs(officer.page, env.server, { email: `mod-${mode}@example.org`, role: 'officer', departments: ['BO-N'], name: `Luis ${mode}` });
    await officer.page.getByRole('link', { name: 'Sugerencias' }).click();
    const first = officer.page.locator('li.suggestion', { hasText: accepted });
    await first.getByRole('button', { name: 'Registrar la afirmación' }).click();
    await officer.page.waitForURL(/\/departments\/BO-N\/action-plan\/new\?suggestion=\d+/);
    await officer.page.getByText('La sugerencia quedará aceptada cuando guarde la afirmación').waitFor();
    assert.equal(await officer.page.getByLabel('Nota: qué cambió y con qué fundamento').inputValue(), accepted);
    await visitor.page.reload();
    await visitor.page.getByText('está registrando la afirmación que pide').waitFor();

    await fillClaim(officer.page, { note: accepted, title: `Nota de la Fundación (${mode})` });
    await officer.page.getByLabel('Enlace (URL)').fill('https://example.org/nota');
    await officer.page.getByRole('button', { name: 'Agregar al historial' }).click();
    await officer.page.waitForURL(/\/departments\/BO-N$/);
    await officer.page.getByText(/La sugerencia n\.º \d+ quedó aceptada\./).waitFor();

    await officer.page.getByRole('link', { name: 'Sugerencias' }).click();
    const second = officer.page.locator('li.suggestion', { hasText: rejected });
    await second.getByLabel('Motivo del rechazo (se publica)').fill('Ninguna fuente lo dice.');
    await second.getByRole('button', { name: 'Rechazar' }).click();
    await officer.page.getByText(/Sugerencia n\.º \d+ rechazada\./).waitFor();
    assert.equal(await officer.page.locator('li.suggestion', { hasText: rejected }).count(), 0);
    assert.deepEqual(officer.errors, []);
    await officer.context.close();

    await visitor.page.goto(links[0]);
    await visitor.page.getByText('Aceptada', { exact: true }).waitFor();
    await visitor.page.getByRole('link', { name: /Ver la afirmación n\.º \d+/ }).click();
    await visitor.page.waitForURL(/\/departments\/BO-N#claim-\d+/);
    await visitor.page.goto(links[1]);
    await visitor.page.getByText('Rechazada', { exact: true }).waitFor();
    await visitor.page.getByText('Motivo: Ninguna fuente lo dice.').waitFor();
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();
  });
}
