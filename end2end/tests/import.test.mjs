// An officer imports a table for their department and is refused for another; at 360 px each
// row is a card with its check first, so an error is never off-screen. JavaScript on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, signInAs, useServerAndBrowser } from './helpers.mjs';

const env = useServerAndBrowser();
const header = 'department_code,requirement,status,status_since,valid_until,evidence_level,note,source_author,source_title,source_url,source_date\n';
const pando = 'BO-N,action-plan,in-force,2025-03,2029,reported,Aprobado en marzo,Gobernación de Pando,Resolución 9/2025,https://example.org/r9,2025-03\n';
const laPaz = 'BO-L,action-plan,in-preparation,,,reported,Se redacta,Gobernación de La Paz,Nota de prensa,https://example.org/n1,2025-04\n';

async function upload(page, csv) {
  await page.getByLabel('Archivo CSV').setInputFiles({ name: 'tabla.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Revisar antes de importar' }).click();
  await page.waitForLoadState();
}

for (const javaScriptEnabled of [true, false]) {
  const width = javaScriptEnabled ? 1280 : 360;
  test(`an officer imports for Pando and is refused for La Paz (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px)`, async () => {
    const { context, page, errors } = await openPage(env.browser, { javaScriptEnabled, width });
    await signInAs(page, env.server, { email: `imp-${width}@example.org`, role: 'officer', departments: ['BO-N'], name: 'Ana Quispe' });
    await page.getByRole('link', { name: 'Importar' }).click();
    await upload(page, header + pando + laPaz);
    const refused = page.locator('tr.row-error .import-check');
    await refused.waitFor();
    assert.match(await refused.innerText(), /no puede registrar afirmaciones para este departamento/);
    const box = await refused.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the error is in view (${box.x}+${box.width})`);
    assert.equal(await page.getByRole('button', { name: 'Confirmar la importación' }).count(), 0, 'nothing to confirm');
    await upload(page, header + pando);
    await page.getByText('Todas las filas son válidas.').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
