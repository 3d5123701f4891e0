// Starts the built Vigía on a free port with a fresh SQLite file, and opens Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/** The checkout the tests run against (its tools live under .tools/). */
export const root = resolve(process.env.VIGIA_ROOT ?? join(import.meta.dirname, '..', '..'));
const binary = process.env.VIGIA_BIN ?? join(root, 'target', 'debug', 'vigia');

/** Starts the server; resolves once it says where it listens. */
export async function startServer(extraEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-e2e-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite://${dataDir}/vigia.db?mode=rwc`,
    VIGIA_DATA_DIR: dataDir,
    LEPTOS_SITE_ADDR: '127.0.0.1:0',
    LEPTOS_SITE_ROOT: join(root, 'target', 'site'),
    VIGIA_LOG_FORMAT: 'json',
    VIGIA_TODAY: '2025-06-01',
    ...extraEnv,
  };
  const child = spawn(binary, [], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const event = JSON.parse(line);
        if (event.address && /listening/.test(event.message ?? '')) {
          clearTimeout(timer);
          resolveUrl(`http://${event.address}`);
        }
      } catch {
        // not a JSON log line
      }
    });
  });
  return {
    baseUrl,
    /** Where the server keeps files; alert emails are written under `outbox/` as .eml. */
    dataDir,
    /** Runs `vigia user add` against this server's database; returns the one-time link's path. */
    addUser({ email, role, departments = [], name }) {
      const args = ['user', 'add', '--email', email, '--role', role, '--name', name];
      for (const code of departments) args.push('--department', code);
      const output = execFileSync(binary, args, { cwd: root, env: { ...env, VIGIA_PUBLIC_URL: baseUrl, RUST_LOG: 'warn' } }).toString();
      return new URL(output.trim().split('\n').pop()).pathname + new URL(output.trim().split('\n').pop()).search;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the network chatter this sandbox refuses turned off. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records console errors and uncaught exceptions. */
export async function openPage(browser, { javaScriptEnabled, width = 1280, locale = 'es-BO', bypassCSP = false }) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 }, locale, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

/** One server and one browser for a test file, started before its tests and stopped after. */
export function useServerAndBrowser(extraEnv = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(extraEnv);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Creates an account and signs in through its one-time link, in the page's context; the
 * password it chose. */
export async function signInAs(page, server, { email, role, departments = [], name }) {
  const passphrase = 'una frase larga y segura';
  const link = server.addUser({ email, role, departments, name });
  await page.goto(server.baseUrl + link);
  await page.locator('input[name=password]').fill(passphrase);
  await page.locator('input[name=confirm]').fill(passphrase);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(server.baseUrl + '/dashboard');
  return passphrase;
}

/** The text of an .eml message's plain-text part (quoted-printable or base64 decoded). */
export function plainText(raw) {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const [head, ...rest] = part.split(/\r?\n\r?\n/);
    if (!/content-type:\s*text\/plain/i.test(head)) continue;
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  }
  return '';
}

/** The messages the server wrote to its outbox for `address`, oldest first, once there are
 * `count` of them. */
export async function mailFor(server, address, count) {
  const outbox = join(server.dataDir, 'outbox');
  for (let i = 0; i < 200; i++) {
    let files = [];
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    } catch {
      // not created yet
    }
    const messages = files
      .map((f) => ({ raw: readFileSync(join(outbox, f), 'utf8'), written: statSync(join(outbox, f)).mtimeMs }))
      .filter(({ raw }) => new RegExp(`^To: ${address}`, 'mi').test(raw))
      .map(({ raw, written }) => ({ raw, written, date: Date.parse(/^Date: (.*)$/m.exec(raw)?.[1] ?? '') }))
      // Date has whole seconds and files have random names: two messages within a second
      // are told apart by when their files were written.
      .sort((a, b) => a.date - b.date || a.written - b.written);
    if (messages.length >= count) return messages.map((m) => m.raw);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${address} did not receive ${count} messages`);
}
