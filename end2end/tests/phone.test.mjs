// Public pages on a phone: a 300-character URL in every kind of user text never widens a
// page; the table caption keeps its width; the embed snippet fits a 320 px article; the
// "ver el estado al" field reads dd/mm/aaaa and says when it cannot; copy buttons and share
// links work with JavaScript and degrade without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();
const longUrl = `https://example.org/${'a1b2c3d4e5'.repeat(28)}`;

async function noSidewaysScroll(page, what) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${what} is ${scroll} px wide at ${inner} px`);
}

test('a 300-character URL in a note, a source, evidence and a reply wraps on every page at 360 px', async () => {
  const rep = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await signInAs(rep.page, env.server, { email: 'long-r@example.org', role: 'department', departments: ['BO-N'], name: 'Gobernación de Pando' });
  await rep.page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/gaps/missing/reply');
  await rep.page.getByLabel('Respuesta').fill(`Publicado en ${longUrl}`);
  await rep.page.getByRole('button', { name: 'Publicar respuesta' }).click();
  await rep.page.waitForURL(/\/departments\/BO-N#reply-\d+/);
  const officer = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await signInAs(officer.page, env.server, { email: 'long-o@example.org', role: 'officer', departments: ['BO-N'], name: 'Ana Quispe' });
  await officer.page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/new');
  await officer.page.getByLabel('Estado', { exact: true }).selectOption('missing');
  await officer.page.getByLabel('Nota: qué cambió y con qué fundamento').fill(`Ver ${longUrl}`);
  await officer.page.getByLabel('Momento que describe la afirmación').fill('2025-04');
  // Still without a plan: the gap stays open, with the reply beside it.
  await officer.page.getByLabel('Autor del hallazgo').fill('Gobernación de Pando');
  await officer.page.getByLabel('Título').fill('Acta del consejo');
  await officer.page.getByLabel('Enlace (URL)').fill(longUrl);
  await officer.page.getByLabel('Fecha de publicación de la fuente').fill('2025-05');
  await officer.page.getByRole('button', { name: 'Agregar al historial' }).click();
  await officer.page.waitForURL(/\/departments\/BO-N$/);
  await officer.context.close();

  for (const path of ['/departments/BO-N', '/gaps', '/dashboard']) {
    await rep.page.goto(env.server.baseUrl + path);
    await noSidewaysScroll(rep.page, path);
  }
  await rep.context.close();
  for (const javaScriptEnabled of [true, false]) {
    const { context, page } = await openPage(env.browser, { javaScriptEnabled, width: 360 });
    for (const path of ['/departments/BO-N', '/gaps']) {
      await page.goto(env.server.baseUrl + path);
      if (path !== '/gaps') assert.ok((await page.content()).includes(longUrl.slice(0, 80)), `${path} shows the URL`);
      await noSidewaysScroll(page, `${path} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`);
    }
    await context.close();
  }
});

// Every department identifiable and reachable on a phone: numbers on the map, and under it a
// list naming each number, every entry a link at least 44 px tall to its department.
async function mapKeyOnPhone(page, where) {
  const keys = page.locator('.map-key a');
  assert.equal(await keys.count(), 9, `${where}: nine departments in the key`);
  for (let i = 0; i < 9; i += 1) {
    const box = await keys.nth(i).boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 44, `${where}: entry ${i + 1} is ${box?.width}×${box?.height}`);
  }
  assert.ok(await page.locator('.map-keys').first().isVisible(), `${where}: numbers on the map`);
  assert.equal(await page.locator('.map-labels').first().isVisible(), false, `${where}: names too small to read are hidden`);
  return keys;
}

test('on a 320, 360 and 400 px phone the map numbers every department and lists them as links', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const { context, page } = await openPage(env.browser, { javaScriptEnabled, width: 320 });
    for (const width of [320, 360, 400]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(env.server.baseUrl + '/');
      const keys = await mapKeyOnPhone(page, `/ at ${width} px`);
      assert.match(await keys.first().innerText(), /1\s*Pando/);
      assert.match(await keys.last().innerText(), /9\s*Tarija/);
      await noSidewaysScroll(page, `/ at ${width} px`);
    }
    await page.locator('.map-key a', { hasText: 'Tarija' }).click();
    await page.waitForURL(/\/departments\/BO-T$/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(env.server.baseUrl + '/?lang=en');
    assert.equal(await page.locator('.map-key').isVisible(), false, 'no key where the names fit');
    assert.ok(await page.locator('.map-labels').isVisible(), 'names on a wide map');
    await context.close();
  }
});

test('the home table caption keeps its width on a phone', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await page.goto(env.server.baseUrl + '/');
  const caption = await page.locator('table.compliance-table caption').boundingBox();
  assert.ok(caption.width >= 300, `the caption is ${caption.width} px wide`);
  await context.close();
});

test('the embed snippet fits a 320 and a 360 px article with its legend and credit', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false, width: 1280 });
  await page.goto(env.server.baseUrl + '/');
  const snippet = await page.locator('#embed-code').inputValue();
  let article = '';
  const site = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article));
  await new Promise((done) => site.listen(0, '127.0.0.1', done));
  assert.match(snippet, /title="[^"]+"/, 'a title for screen readers');
  assert.match(snippet, /max-width:400px/);
  assert.match(snippet, /aspect-ratio:400\/760/);
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 800 });
    // An article on another site (another origin, without Vigía's CSP).
    article = `<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>
      <body style="margin:8px"><h1>Artículo</h1><p>Texto del artículo.</p>${snippet}</body></html>`;
    await page.goto(`http://127.0.0.1:${site.address().port}/article`);
    const frame = page.frameLocator('iframe');
    await frame.locator('body').waitFor();
    await noSidewaysScroll(page, `an article at ${width} px`);
    const box = await page.locator('iframe').boundingBox();
    assert.ok(box.width <= width - 16 && box.height > box.width, `the frame is ${box.width}×${box.height}`);
    // In a 320 px article the map keeps its room beside a key of 44 px entries.
    await mapKeyOnPhone(frame, `the embed at ${width} px`);
    const map = await frame.locator('svg.map').boundingBox();
    assert.ok(map.height >= 120, `the map is ${map.height} px tall at ${width} px`);
    for (const part of ['.legend', '.map-key li:last-child', '.embed-credit']) {
      const inside = await frame.locator(part).first().boundingBox();
      assert.ok(inside && inside.y + inside.height <= box.y + box.height + 1, `${part} visible at ${width} px`);
    }
  }
  site.close();
  await context.close();
});

test('"ver el estado al" reads dd/mm/aaaa and says when it cannot read a date', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await page.goto(env.server.baseUrl + '/');
  await page.getByLabel('Ver el estado al').first().fill('31/12/2019');
  await page.getByRole('button', { name: 'Ver', exact: true }).first().click();
  await page.getByText('31 de diciembre de 2019').first().waitFor();
  const refused = await page.goto(env.server.baseUrl + '/?as_of=2019-13-45');
  assert.equal(refused.status(), 400);
  await page.getByText('«2019-13-45» no es una fecha que podamos leer').waitFor();
  assert.equal(await page.getByLabel('Ver el estado al').first().inputValue(), '2019-13-45', 'what was typed comes back');
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`citations copy with a button and pages share with plain links (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width: 360 });
    await page.goto(env.server.baseUrl + '/departments/BO-N');
    const whatsapp = await page.getByRole('link', { name: 'WhatsApp' }).getAttribute('href');
    assert.match(whatsapp, /^https:\/\/wa\.me\/\?text=.*departments%2FBO-N|^https:\/\/wa\.me\/\?text=.*departments\/BO-N/);
    assert.ok(await page.getByRole('link', { name: 'Telegram' }).count());
    const copy = page.locator('button[data-copy="cite-plain"]');
    if (javaScriptEnabled) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.baseUrl });
      await copy.click();
      await page.locator('button[data-copy="cite-plain"]', { hasText: 'Copiado' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.locator('#cite-plain').inputValue());
    } else {
      assert.equal(await copy.isVisible(), false, 'no button that cannot work');
    }
    assert.ok(!(await page.content()).includes('Ctrl+A'), 'no keyboard advice on a phone');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
