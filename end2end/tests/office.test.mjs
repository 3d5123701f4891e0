// The public suggests a correction and a department answers a gap with a PDF; what they
// submit appears where the public reads it. With JavaScript on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';

  test(`anyone suggests a correction and an officer sees it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const visitor = await openPage(env.browser, { javaScriptEnabled });
    await visitor.page.goto(env.server.baseUrl + '/departments/BO-N');
    await visitor.page.getByRole('link', { name: 'Sugerir una corrección' }).click();
    await visitor.page.getByLabel('Qué no es correcto y qué debería decir').fill(`Pando aprobó su plan (${mode}).`);
    await visitor.page.getByLabel('Organización (opcional)').fill('Fundación Ejemplo');
    await visitor.page.getByRole('button', { name: 'Enviar sugerencia' }).click();
    await visitor.page.getByText('Gracias. Su sugerencia está en la cola de revisión').waitFor();
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();

    const officer = await openPage(env.browser, { javaScriptEnabled });
    await signInAs(officer.page, env.server, { email: `mod-${mode}@example.org`, role: 'officer', departments: ['BO-N'], name: 'Rosa Mamani' });
    await officer.page.getByRole('link', { name: 'Sugerencias' }).click();
    await officer.page.getByText(`Pando aprobó su plan (${mode}).`).waitFor();
    await officer.context.close();
  });

  test(`a department replies to a gap with a PDF and the public sees it beside the gap (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
    await signInAs(page, env.server, { email: `rep-${mode}@example.org`, role: 'department', departments: ['BO-N'], name: `Gobernación de Pando ${mode}` });
    await page.getByRole('link', { name: 'Mi panel' }).click();
    await page.getByRole('link', { name: 'Responder a esta brecha' }).first().click();
    await page.getByLabel('Respuesta').fill(`Aprobado por Resolución 45/2025 (${mode}).`);
    await page.getByLabel('Documento PDF (opcional)').setInputFiles({ name: `resolucion-${mode}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Publicar respuesta' }).click();
    await page.waitForURL(/\/departments\/BO-N#reply-\d+/);
    assert.deepEqual(errors, []);
    await context.close();

    const visitor = await openPage(env.browser, { javaScriptEnabled });
    await visitor.page.goto(env.server.baseUrl + '/departments/BO-N');
    const reply = visitor.page.locator('.gap-reply', { hasText: `Aprobado por Resolución 45/2025 (${mode}).` });
    await reply.waitFor();
    assert.match(await reply.textContent(), new RegExp(`Gobernación de Pando ${mode}`));
    await reply.getByRole('link', { name: `resolucion-${mode}.pdf` }).waitFor();
    await visitor.context.close();

    // An officer reviews it on its own page (a phone without JavaScript, a laptop with it):
    // a note over the limit comes back whole with its length; the outcome shows beside the reply.
    const width = javaScriptEnabled ? 1280 : 360;
    const officer = await openPage(env.browser, { javaScriptEnabled, width });
    await signInAs(officer.page, env.server, { email: `rev-${mode}@example.org`, role: 'officer', departments: ['BO-N'], name: `Revisora ${mode}` });
    await officer.page.goto(env.server.baseUrl + '/departments/BO-N');
    await officer.page.locator('.gap-reply', { hasText: `(${mode}).` }).getByRole('link', { name: 'Revisar esta respuesta' }).click();
    await officer.page.waitForURL(/\/replies\/\d+\/review$/);
    await officer.page.getByText(`Aprobado por Resolución 45/2025 (${mode}).`).waitFor();
    const note = officer.page.getByLabel('Nota de revisión');
    const box = await note.boundingBox();
    assert.ok(box.height >= 140, `the note has room: ${box.height} px`);
    await officer.page.getByLabel(/Se pidió más información/).check();
    await note.fill(`Falta el presupuesto. ${'x'.repeat(1000)}`);
    await officer.page.getByRole('button', { name: 'Registrar revisión' }).click();
    await officer.page.getByText(/1\.?022 caracteres/).first().waitFor();
    assert.match(await note.inputValue(), /^Falta el presupuesto\. x{1000}$/);
    assert.ok(await officer.page.getByLabel(/Se pidió más información/).isChecked(), 'the outcome is kept');
    const { scroll, inner } = await officer.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(scroll <= inner, `the review page is ${scroll} px wide at ${inner} px`);
    await note.fill('Falta el presupuesto del plan.');
    await officer.page.getByRole('button', { name: 'Registrar revisión' }).click();
    await officer.page.waitForURL(/\/departments\/BO-N#reply-\d+/);
    const reviewed = officer.page.locator('.gap-reply', { hasText: `(${mode}).` });
    assert.match(await reviewed.textContent(), /Se pidió más información\s*Falta el presupuesto del plan\./);
    assert.deepEqual(officer.errors, []);
    await officer.context.close();
  });
}
