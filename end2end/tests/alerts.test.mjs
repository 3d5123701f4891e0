// An NGO subscribes to Pando's alerts, confirms from the email, and receives the alert when an
// officer records a claim, with JavaScript on and off. The server has no mail server: it writes
// each message to its outbox, which is read here as a person would read the mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailFor as mailIn, openPage, plainText, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();
const mailFor = (address, count) => mailIn(env.server, address, count);

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
    await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();

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
    await page.waitForURL(/\/departments\/BO-N$/);

    const alert = (await mailFor(address, 2))[1];
    const text = plainText(alert);
    assert.match(text, /Pando/);
    assert.match(text, /\/history\/\d+/, 'a link to the change and its source');
    assert.match(alert, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
