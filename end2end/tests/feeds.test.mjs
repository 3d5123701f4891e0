// The alert feed opened in Chromium is a readable page of the same entries, not raw XML,
// while a feed reader's request gets Atom; /feeds explains how to follow it. JavaScript on
// and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

test('an officer records a change, and the feed shows it to a browser and to a feed reader', async () => {
  const officer = await openPage(env.browser, { javaScriptEnabled: false });
  await signInAs(officer.page, env.server, { email: 'feed-o@example.org', role: 'officer', departments: ['BO-N'], name: 'Ana Quispe' });
  await officer.page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/new');
  await officer.page.getByLabel('Estado', { exact: true }).selectOption('in-preparation');
  await officer.page.getByLabel('Nota: qué cambió y con qué fundamento').fill('El consejo trata el plan.');
  await officer.page.getByLabel('Momento que describe la afirmación').fill('2025-04');
  await officer.page.getByLabel('Autor del hallazgo').fill('Gobernación de Pando');
  await officer.page.getByLabel('Título').fill('Acta del consejo');
  await officer.page.getByLabel('Enlace (URL)').fill('https://example.org/acta');
  await officer.page.getByLabel('Fecha de publicación de la fuente').fill('2025-05');
  await officer.page.getByRole('button', { name: 'Agregar al historial' }).click();
  await officer.page.waitForURL(/\/departments\/BO-N$/);
  await officer.context.close();

  for (const javaScriptEnabled of [true, false]) {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width: 360 });
    const answer = await page.goto(env.server.baseUrl + '/feeds/events.atom?department=BO-N');
    assert.match(answer.headers()['content-type'], /^text\/html/);
    await page.getByRole('heading', { level: 1, name: /alertas sobre Pando/ }).waitFor();
    await page.getByRole('link', { name: /Pando · .*sin plan → en elaboración/ }).first().waitFor();
    await page.getByRole('link', { name: 'Cómo seguir los cambios en un lector de noticias o un calendario' }).click();
    await page.getByRole('heading', { level: 1, name: 'Seguir los cambios sin registrarse' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  }
  const reader = await fetch(env.server.baseUrl + '/feeds/events.atom?department=BO-N', {
    headers: { accept: 'application/atom+xml,application/rss+xml;q=0.9,*/*;q=0.1' },
  });
  assert.match(reader.headers.get('content-type'), /^application\/atom\+xml/);
  const xml = await reader.text();
  assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.match(xml, /sin plan → en elaboración/);
});
