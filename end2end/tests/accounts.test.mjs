// An officer's first visit: the one-time link, choosing a password, signing out and in
// again, with JavaScript on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

for (const javaScriptEnabled of [true, false]) {
  test(`an officer sets a password, signs out and signs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const email = `officer-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`;
    const link = env.server.addUser({ email, role: 'officer', departments: ['BO-N'], name: 'Ana Quispe' });
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled });
    const passphrase = 'una frase larga y segura';

    await page.goto(env.server.baseUrl + link);
    await page.getByLabel('Nueva contraseña').fill(passphrase);
    await page.getByLabel('Repita la contraseña').fill(passphrase);
    await page.getByRole('button', { name: 'Guardar contraseña e ingresar' }).click();
    await page.waitForURL(env.server.baseUrl + '/dashboard');
    assert.equal(await page.getByRole('status').first().textContent(), 'Contraseña guardada. Ya ingresó a Vigía.');
    assert.match(await page.locator('header').textContent(), /Ana Quispe/);

    await page.getByRole('button', { name: 'Salir' }).click();
    await page.waitForURL(env.server.baseUrl + '/');
    assert.doesNotMatch(await page.locator('header').textContent(), /Ana Quispe/);

    await page.getByRole('link', { name: 'Acceso para funcionarios' }).click();
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill('no es la contraseña');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('alert').textContent(), 'El correo o la contraseña no son correctos.');
    assert.equal(await page.getByLabel('Correo electrónico').inputValue(), email, 'the email is kept');

    await page.getByLabel('Contraseña').fill(passphrase);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    // Signing in lands on the dashboard, which says so.
    await page.waitForURL(env.server.baseUrl + '/dashboard');
    await page.getByText('Sesión iniciada. Hola, Ana Quispe.').waitFor();
    assert.match(await page.locator('header').textContent(), /Ana Quispe/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
