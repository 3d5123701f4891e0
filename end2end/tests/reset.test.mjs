// "¿Olvidó su contraseña?" end to end through the outbox, with JavaScript on and off: the
// same answer for any address, a link by email, a new password, signed in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailFor, openPage, plainText, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';
  test(`an officer who forgot the password chooses a new one from the emailed link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const email = `olvido-${mode}@example.org`;
    env.server.addUser({ email, role: 'officer', departments: ['BO-N'], name: 'Rosa Mamani' });
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width: 360 });
    await page.goto(env.server.baseUrl + '/signin');
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await page.getByText('Si esa dirección tiene una cuenta, le enviamos un enlace').waitFor();
    // The invitation came first; the reset link is the second message.
    const reset = (await mailFor(env.server, email, 1)).map(plainText).find((m) => /contraseña nueva/.test(m));
    assert.ok(reset, 'the reset message');
    const link = /http\S+\/account\/set-password\?token=\S+/.exec(reset)[0];
    await page.goto(link);
    await page.locator('input[name=password]').fill('una frase nueva y larga');
    await page.locator('input[name=confirm]').fill('una frase nueva y larga');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(env.server.baseUrl + '/dashboard');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [javaScriptEnabled, width] of [[true, 1280], [false, 360]]) {
  test(`a signed-in officer changes the password from the staff menu (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px)`, async () => {
    const email = `cambio-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`;
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width });
    const password = await signInAs(page, env.server, { email, role: 'officer', departments: ['BO-N'], name: 'Rosa Mamani' });
    await page.getByRole('link', { name: 'Contraseña', exact: true }).click();
    await page.getByRole('heading', { name: 'Cambiar la contraseña' }).waitFor();
    // A wrong current password is refused on its field, and nothing typed comes back.
    await page.getByLabel('Contraseña actual').fill('no es la mía');
    await page.getByLabel('Nueva contraseña').fill('una frase nueva y larga');
    await page.getByLabel('Repita la contraseña').fill('una frase nueva y larga');
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    assert.equal(await page.locator('#current-error').textContent(), 'No es la contraseña de esta cuenta.');
    assert.equal(await page.getByLabel('Contraseña actual').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Nueva contraseña').inputValue(), '');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
    await page.getByLabel('Contraseña actual').fill(password);
    await page.getByLabel('Nueva contraseña').fill('una frase nueva y larga');
    await page.getByLabel('Repita la contraseña').fill('una frase nueva y larga');
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.waitForURL(env.server.baseUrl + '/dashboard');
    await page.getByText('Contraseña cambiada.').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
