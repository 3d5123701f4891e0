// The public pages' story (issue 13): the finding on the first screen, change over time,
// gaps that matter first, an embed that fits its frame, and no page that scrolls sideways on
// a 360 px phone, signed out or signed in as any role.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();

const publicPages = ['/', '/?requirement=shelter', '/?as_of=2021-01-01', '/departments/BO-L', '/departments/BO-T', '/departments/BO-N?as_of=2022-01-01', '/gaps', '/gaps?severity=notice', '/methodology', '/embed/map', '/embed/map?department=BO-N', '/history/1', '/no-such-page', '/signin', '/account/set-password?token=x', '/departments/BO-N/suggest', '/alerts', '/alerts?department=BO-N', '/alerts/confirm?token=x', '/alerts/unsubscribed', '/feeds', '/account/forgot', '/alerts/apply?token=x'];
// Every page a role reaches, with the public pages they see with their own header.
const staffPages = {
  admin: ['/dashboard', '/moderation', '/admin/users', '/admin/users/1/disable', '/admin/import', '/admin/alerts', '/departments/BO-N', '/departments/BO-N/action-plan/new', '/departments/BO-N/action-plan/gaps/missing/reply', '/', '/gaps'],
  officer: ['/dashboard', '/moderation', '/admin/import', '/departments/BO-N', '/departments/BO-N/action-plan/new', '/departments/BO-N/action-plan/gaps/missing/reply', '/', '/gaps'],
  department: ['/dashboard', '/departments/BO-N', '/departments/BO-N/action-plan/gaps/missing/reply', '/', '/gaps'],
};

/** The paths among `paths` where the page is wider than the 360 px viewport. */
async function sideways(page, paths) {
  const wide = [];
  for (const path of paths) {
    await page.goto(env.server.baseUrl + path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${path}: ${width} px`);
  }
  return wide;
}

for (const javaScriptEnabled of [true, false]) {
  describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('no public page scrolls sideways at 360 px', async () => {
      for (const locale of ['es-BO', 'en-US']) {
        const { context, page } = await openPage(env.browser, { javaScriptEnabled, width: 360, locale });
        assert.deepEqual(await sideways(page, publicPages), [], locale);
        await context.close();
      }
    });

    for (const [role, paths] of Object.entries(staffPages)) {
      test(`signed in as ${role}, no page scrolls sideways at 360 px and the header stays compact`, async () => {
        const { context, page } = await openPage(env.browser, { javaScriptEnabled, width: 360 });
        const departments = role === 'admin' ? [] : ['BO-N'];
        await signInAs(page, env.server, { email: `${role}-${javaScriptEnabled}@example.org`, role, departments, name: 'Gobernación Autónoma del Departamento de Pando' });
        assert.deepEqual(await sideways(page, paths), []);
        await page.goto(env.server.baseUrl + '/dashboard');
        const header = await page.locator('header.site-header').boundingBox();
        assert.ok(header.height <= 180, `header is ${header.height} px tall`);
        // The dashboard's records are cards: no table row wider than the phone.
        const card = await page.locator('table.records tbody tr').first().boundingBox();
        assert.ok(card.width <= 360 - 16, `record card is ${card.width} px wide`);
        await context.close();
      });
    }
  });
}

test('the reply page offers one reply button', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await signInAs(page, env.server, { email: 'reply-one@example.org', role: 'department', departments: ['BO-N'], name: 'Gobernación de Pando' });
  await page.goto(env.server.baseUrl + '/departments/BO-N/action-plan/gaps/missing/reply');
  assert.equal(await page.locator('main').getByRole('link', { name: 'Responder a esta brecha' }).count(), 0);
  assert.equal(await page.locator('main button').count(), 1);
  await context.close();
});

test('the first screen states the finding with the sources and dates behind each count, apart from the last update', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false, width: 360 });
  await page.goto(env.server.baseUrl + '/');
  const story = page.locator('p.story');
  assert.match(await story.innerText(), /^De los 9 departamentos, 2 no tienen plan, según InSight Crime \(2020\); .* no tienen información confirmada, con datos de .+\.$/);
  const dates = await page.locator('p.story-dates').innerText();
  assert.match(dates, /^Actualizado el .+$/);
  // Above the fold of a phone, and every headline card inside the page.
  assert.ok((await story.boundingBox()).y < 640);
  for (const card of await page.locator('.headline dl > div').all()) {
    const box = await card.boundingBox();
    const inner = await card.evaluate((el) => el.scrollWidth <= el.clientWidth);
    assert.ok(box.x >= 0 && box.x + box.width <= 360 && inner, 'the card fits');
  }
  await page.goto(env.server.baseUrl + '/?lang=en');
  assert.match(await page.locator('p.story').innerText(), /^Of the 9 departments, 2 have no plan, according to InSight Crime \(2020\); /);
  assert.match(await page.locator('p.story-dates').innerText(), /^Updated .+$/);
  await context.close();
});

test('the map switches requirement with a plain link and lists only the categories in use', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.baseUrl + '/');
  await page.getByRole('navigation', { name: 'Qué muestra el mapa' }).getByRole('link', { name: /Centro de acogida/ }).click();
  await page.waitForURL(/requirement=shelter/);
  assert.match(await page.locator('svg.map > title').textContent(), /Centro de acogida/);
  // One legend entry per category the map uses (a colour, stated or inferred), no more.
  const inUse = new Set(await page.locator('svg.map path[data-category]').evaluateAll((paths) => paths.map((p) => p.dataset.category + (p.classList.contains('inferred') ? ' inferred' : ''))));
  const legend = page.getByRole('list', { name: 'Leyenda del mapa' });
  assert.equal(await legend.locator('li').count(), inUse.size);
  // The legend speaks of the instrument shown: a shelter, not a plan.
  const words = await legend.innerText();
  assert.match(words, /Sin centro/);
  assert.doesNotMatch(words, /Sin plan/);
  // Names are drawn over every outline, so none is cut by a neighbour drawn later.
  const labels = page.locator('svg.map .map-labels text');
  assert.equal(await labels.count(), 9);
  const last = await page.locator('svg.map').evaluate((svg) => svg.lastElementChild.getAttribute('class'));
  assert.equal(last, 'map-labels');
  await context.close();
});

test('a department page draws its highlighted outline last, a status strip per requirement, and its history by event date', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.baseUrl + '/departments/BO-L');
  const lastPath = await page.locator('svg.map').evaluate((svg) => [...svg.querySelectorAll('path')].pop().dataset.code);
  assert.equal(lastPath, 'BO-L');
  assert.ok(await page.locator('.status-strip').count() >= 2);
  for (const strip of await page.locator('.status-strip').all()) {
    const described = await strip.locator('svg[role="img"]').getAttribute('aria-describedby');
    assert.match(await page.locator(`#${described}`).innerText(), /desde /);
  }
  const days = await page.locator('#history .history-entry time[datetime]').evaluateAll((times) => times.filter((t) => t.closest('.timeline-date')).map((t) => t.getAttribute('datetime')));
  const sorted = [...days].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  assert.deepEqual(days, sorted, 'newest event first');
  // The "show the state on" form is a plain GET form.
  await page.getByLabel('Ver el estado al').fill('2021-01-01');
  await page.getByRole('button', { name: 'Ver', exact: true }).click();
  await page.waitForURL(/\/departments\/BO-L\?as_of=2021-01-01/);
  assert.match(await page.locator('.as-of').innerText(), /Estado al 1 de enero de 2021/);
  await context.close();
});

test('the compliance timeline works without JavaScript and has a text alternative and a table', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.baseUrl + '/');
  const chart = page.locator('svg.timeline-chart');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match(await chart.locator('title').textContent(), /Departamentos por estado del plan departamental/);
  const desc = await chart.locator('desc').textContent();
  assert.match(desc, /^El .+: .+\. El .+: .+\.$/);
  assert.equal(await page.locator('.timeline-summary').innerText(), desc, 'the alternative is also visible');
  assert.ok(await chart.locator('rect').count() >= 2);
  await page.getByText('Ver los datos del gráfico en una tabla').click();
  const rows = page.locator('.timeline-data tbody tr');
  assert.ok(await rows.count() >= 2);
  // Every row counts all nine departments.
  for (const row of await rows.all()) {
    const numbers = await row.locator('td').allInnerTexts();
    assert.equal(numbers.reduce((sum, n) => sum + Number(n), 0), 9);
  }
  await context.close();
});

test('the gaps page puts critical gaps and warnings first, folds notices behind a count and offers the list as CSV', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.baseUrl + '/gaps');
  const notices = page.locator('details.notices');
  assert.equal(await notices.getAttribute('open'), null);
  const folded = await notices.locator('li.gap').count();
  assert.ok(folded > 0);
  assert.equal(await notices.locator('summary').innerText(), `${folded} avisos`);
  assert.equal(await notices.locator('li.gap-critical, li.gap-warning').count(), 0);
  assert.ok(await page.locator('main > section.gap-group li.gap-critical').count() > 0);
  assert.ok(await page.locator('li.gap .gap-requirement').count() > 0, 'titles name the instrument');
  await page.goto(env.server.baseUrl + '/gaps?severity=critical&department=BO-N');
  const href = await page.getByRole('link', { name: 'Descargar esta lista (CSV)' }).getAttribute('href');
  assert.match(href, /^\/api\/v1\/gaps\.csv\?/);
  const csv = await (await page.request.get(env.server.baseUrl + href)).text();
  const json = await (await page.request.get(env.server.baseUrl + href.replace('gaps.csv', 'gaps'))).json();
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines[0], Object.keys(json[0]).join(','));
  assert.equal(lines.length - 1, json.length);
  assert.equal(json.length, await page.locator('li.gap').count());
  await context.close();
});

test('the embed shows its whole map, legend, date, sources and credit inside the size its snippet declares', async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.baseUrl + '/');
  const snippet = await page.locator('#embed-code').inputValue();
  const width = Number(snippet.match(/width="(\d+)"/)[1]);
  const height = Number(snippet.match(/height="(\d+)"/)[1]);
  const src = snippet.match(/src="([^"]+)"/)[1];
  await page.setContent(`<!DOCTYPE html><body style="margin:0">${snippet.replace(src, env.server.baseUrl + '/embed/map').replace(' loading="lazy"', '')}</body>`);
  const frame = page.frameLocator('iframe');
  const credit = frame.locator('.embed-credit');
  await credit.waitFor();
  assert.match(await credit.innerText(), /Vigía \(datos: CC BY 4\.0\) · Límites: Natural Earth/);
  assert.match(await frame.locator('.embed-sources').first().innerText(), /^Fuentes: .*InSight Crime \(2020\)/);
  const inFrame = await frame.locator('body').evaluate(() => {
    const within = (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    };
    return {
      size: [window.innerWidth, window.innerHeight],
      credit: within(document.querySelector('.embed-credit')),
      sources: [...document.querySelectorAll('.embed-sources')].every(within),
      map: within(document.querySelector('svg.map')),
      legend: within(document.querySelector('.legend')),
      dates: within(document.querySelector('.story-dates')),
      scrolls: document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth,
    };
  });
  assert.deepEqual(inFrame, { size: [width, height], credit: true, sources: true, map: true, legend: true, dates: true, scrolls: false });
  await context.close();
});
