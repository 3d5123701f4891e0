// An NGO subscribes to Pando's alerts, confirms from the email, and receives the alert when an
// officer records a claim, with JavaScript on and off. The server has no mail server: it writes
// each message to its outbox, which is read here as a person would read the mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, plainText, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

/** The messages written for `address`, oldest first, once there are `count`. */
async function mailFor(address, count) {
  const outbox = join(env.server.dataDir, 'outbox');
  for (let i = 0; i < 200; i++) {
    let files = [];
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    } catch {
      // not created yet
    }
    const messages = files
      .map((f) => readFileSync(join(outbox, f), 'utf8'))
      .filter((raw) => new RegExp(`^To: ${address}`, 'mi').test(raw))
      .map((raw) => ({ raw, date: Date.parse(/^Date: (.*)$/m.exec(raw)?.[1] ?? '') }))
      .sort((a, b) => a.date - b.date);
    if (messages.length >= count) return messages.map((m) => m.raw);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${address} did not receive ${count} messages`);
}

for (const javaScriptEnabled of [true, false]) {
  test(`an NGO subscribes to Pando, confirms and gets the alert (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const address = `red-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`;
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
    await page.goto(env.server.baseUrl + '/departments/BO-N');
    await page.getByRole('link', { name: 'Alertas por correo o webhook' }).first().click();
    await page.waitForURL('**/alerts?department=BO-N');
    assert.equal(await page.getByLabel('Pando').isChecked(), true);
    await page.getByLabel('Correo o dirección del webhook').fill(address);
    await page.getByRole('button', { name: 'Suscribirse' }).click();
    await page.getByText('Revise su bandeja de entrada').waitFor();

    const [confirmation] = await mailFor(address, 1);
    const confirmLink = /http\S+\/alerts\/confirm\?token=\S+/.exec(plainText(confirmation))?.[0];
    assert.ok(confirmLink, 'the confirmation names its link');
    await page.goto(confirmLink);
    await page.getByRole('button', { name: 'Confirmar la suscripción' }).click();
    await page.getByText('Su suscripción está confirmada').waitFor();
    assert.equal(await page.getByLabel('Pando').isChecked(), true, 'the page shows what is followed');

    // An officer records a claim on Pando.
    await signInAs(page, env.server, { email: `o-${address}`, role: 'officer', departments: ['BO-N'], name: 'Ana Quispe' });
    await page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/new');
    await page.getByLabel('Estado', { exact: true }).selectOption(javaScriptEnabled ? 'in-preparation' : 'missing');
    await page.getByLabel('Nota: qué cambió y con qué fundamento').fill('El consejo trata el plan.');
    await page.getByLabel('Momento que describe la afirmación').fill(javaScriptEnabled ? '2025-04' : '2025-05');
    await page.getByLabel('Autor del hallazgo').fill('Gobernación de Pando');
    await page.getByLabel('Título').fill('Acta del consejo');
    await page.getByLabel('Enlace (URL)').fill('https://example.org/acta');
    await page.getByLabel('Fecha de publicación de la fuente').fill('2025-05');
    await page.getByRole('button', { name: 'Agregar al historial' }).click();
    await page.waitForURL(/\/departments\/BO-N#claim-\d+/);

    const alert = (await mailFor(address, 2))[1];
    const text = plainText(alert);
    assert.match(text, /Pando/);
    assert.match(text, /\/history\/\d+/, 'a link to the change and its source');
    assert.match(alert, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
