// An NGO's choice is exactly what it gets: "all departments" with Cochabamba ticked is
// refused with its input kept; the confirmation page lists the choices; new choices for a
// subscribed address apply only from the emailed button; a webhook's secret is shown whole
// and copyable. JavaScript on and off, at 360 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mailFor, openPage, plainText, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser({ VIGIA_WEBHOOK_ALLOW_PRIVATE: 'true' });

/** The first link in a message that starts with `prefix`. */
function linkIn(raw, prefix) {
  const found = new RegExp(`http\\S+${prefix.replace(/[?]/g, '\\?')}\\S+`).exec(plainText(raw))?.[0];
  assert.ok(found, `a ${prefix} link`);
  return found;
}

async function submitAlerts(page) {
  await page.getByRole('button', { name: 'Suscribirse' }).click();
  await page.waitForLoadState();
}

for (const javaScriptEnabled of [true, false]) {
  const width = javaScriptEnabled ? 1280 : 360;
  test(`the department choice cannot widen a subscription, and new choices wait for the email (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px)`, async () => {
    const address = `ong-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`;
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width });
    await page.goto(env.server.baseUrl + '/alerts');
    await page.getByLabel('Correo o dirección del webhook').fill(address);
    await page.getByLabel('Todos: los nueve departamentos').check();
    await page.getByLabel('Cochabamba').check();
    await submitAlerts(page);
    await page.locator('.field-error', { hasText: 'Marcó «todos los departamentos» y también algunos departamentos' }).waitFor();
    await page.getByRole('link', { name: /Marcó «todos los departamentos»/ }).waitFor();
    assert.equal(await page.getByLabel('Cochabamba').isChecked(), true, 'the input is kept');
    assert.equal(await page.getByLabel('Todos: los nueve departamentos').isChecked(), true);

    await page.getByLabel('Solo los departamentos que marque:').check();
    await submitAlerts(page);
    await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();
    assert.equal(await page.getByLabel('Correo o dirección del webhook').count(), 0, 'the panel replaces the form');
    assert.ok((await page.locator('.check-inbox').innerText()).includes(address));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');

    const [confirmation] = await mailFor(env.server, address, 1);
    assert.match(plainText(confirmation), /Departamentos: Cochabamba/);
    await page.goto(linkIn(confirmation, '/alerts/confirm?token='));
    const listed = await page.locator('.followed-choices').innerText();
    assert.match(listed, /Cochabamba/);
    assert.doesNotMatch(listed, /Pando|nueve/, 'exactly what was chosen');
    await page.getByRole('button', { name: 'Confirmar la suscripción' }).click();
    await page.getByText('Su suscripción está confirmada').waitFor();

    // The same address again, with La Paz: nothing changes until the emailed button.
    await page.goto(env.server.baseUrl + '/alerts');
    await page.getByLabel('Correo o dirección del webhook').fill(address);
    await page.getByLabel('La Paz').check();
    await submitAlerts(page);
    await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();
    const change = (await mailFor(env.server, address, 2))[1];
    assert.match(plainText(change), /no cambiamos nada/);
    await page.goto(linkIn(change, '/alerts/apply?token='));
    await page.getByText('La Paz, Cochabamba').waitFor();
    await page.getByRole('button', { name: 'Aplicar los cambios' }).click();
    await page.getByText('Se aplicaron los cambios').waitFor();
    assert.equal(await page.getByLabel('La Paz').isChecked(), true);
    assert.equal(await page.getByLabel('Cochabamba').isChecked(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a webhook secret is shown whole and can be copied (JavaScript on and off, 360 px)', async () => {
  const receiver = createServer((_, response) => response.end('ok'));
  await new Promise((done) => receiver.listen(0, '127.0.0.1', done));
  const hook = `http://127.0.0.1:${receiver.address().port}/hook`;
  try {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width: 360 });
      await page.goto(env.server.baseUrl + '/alerts');
      await page.getByLabel('Webhook', { exact: true }).check();
      await page.getByLabel('Correo o dirección del webhook').fill(`${hook}/${javaScriptEnabled}`);
      await page.getByLabel('Todos: los nueve departamentos').check();
      await submitAlerts(page);
      const secret = page.locator('#webhook-secret');
      await secret.waitFor();
      const text = await secret.innerText();
      assert.match(text, /^whsec_\S{20,}$/);
      const box = await secret.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, select: getComputedStyle(e).userSelect }));
      assert.ok(box.scroll <= box.client, 'never cut off');
      assert.equal(box.select, 'all', 'one tap selects it whole');
      const copy = page.getByRole('button', { name: 'Copiar' });
      if (javaScriptEnabled) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.baseUrl });
        await copy.click();
        await page.getByRole('button', { name: 'Copiado' }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
      } else {
        assert.equal(await copy.count(), 0, 'no button that cannot work');
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  } finally {
    receiver.close();
  }
});
