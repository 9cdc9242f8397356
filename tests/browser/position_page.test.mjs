// The guest's position page (GET /w/<token>) in a real browser: Debian's
// chromium, headless, driven by puppeteer-core at a phone's size. Starts
// PostgreSQL + foh-backend with tools/backend/local.sh in a temp dir, makes a
// small restaurant whose tables are all seated (so the engine quotes a real
// wait), adds two waitlist entries with the service key, then checks the
// second guest's page in English and in French (position, quoted range,
// headers), saves a screenshot, taps "leave the list" and checks the entry is
// cancelled in the database. Exit status 0 = pass.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const localSh = process.env.FOH_LOCAL_SH || join(root, 'tools/backend/local.sh');
const screenshot = process.env.FOH_SCREENSHOT || join(root, 'docs/screenshots/position-page.png');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const phone = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// What scripts/setup.sh installs; said plainly when missing.
let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch {
  console.error('puppeteer-core is not installed: run scripts/setup.sh (npm ci in tests/browser)');
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`${chromium} not found: run scripts/setup.sh (apt-get install chromium)`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'foh-browser-'));
let env = {};
let browser;

function startBackend() {
  const out = execFileSync(localSh, ['start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const line of out.split('\n')) {
    const eq = line.indexOf('=');
    if (line.startsWith('FOH_') && eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  assert.ok(env.FOH_BACKEND_URL, 'local.sh printed no FOH_BACKEND_URL');
}

// PostgREST calls with the service key (server-side tooling, never a browser).
async function rest(method, path, body) {
  const res = await fetch(env.FOH_BACKEND_URL + path, {
    method,
    headers: {
      apikey: env.FOH_SERVICE_KEY,
      Authorization: `Bearer ${env.FOH_SERVICE_KEY}`,
      'Content-Type': 'application/json',
      Prefer: 'return=representation',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// Today and now in the restaurant's zone (the settings' default, Europe/Paris).
function paris(opts) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', ...opts }).format(new Date());
}
const today = paris({ year: 'numeric', month: '2-digit', day: '2-digit' });
const hhmm = paris({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

async function seedRestaurant() {
  const r = randomUUID(), plan = randomUUID();
  await rest('POST', '/rest/v1/restaurants', {
    id: r, name: 'Le Petit <Zinc> & Fils',
    settings: { turn_times: { '2': 60, '4': 90 }, default_duration: 90, locale: 'fr' },
  });
  await rest('POST', '/rest/v1/floor_plans', { id: plan, restaurant_id: r, name: 'Salle' });
  const tables = ['1', '2'].map((name) => ({
    id: randomUUID(), restaurant_id: r, floor_plan_id: plan, name, capacity_min: 1, capacity_max: 4,
  }));
  await rest('POST', '/rest/v1/tables', tables);
  // Both tables seated now by parties of four: the next table frees in ~90 min.
  for (const t of tables) {
    await rest('POST', '/rest/v1/reservations', {
      id: randomUUID(), restaurant_id: r, table_id: t.id, table_number: t.name,
      guest_name: 'Seated guest', party_size: 4, date: today, time: hhmm, status: 'Seated',
      seated_at: new Date().toISOString(),
    });
  }
  return r;
}

async function joinList(r, name, party) {
  const id = randomUUID();
  await rest('POST', '/rest/v1/waitlist_entries', {
    id, restaurant_id: r, date: today, party_size: party, guest_name: name, guest_phone: '+33 6 12 34 56 78',
  });
  const [row] = await rest('GET', `/rest/v1/waitlist_entries?select=notification_token,status&id=eq.${id}`);
  assert.ok(row && row.notification_token.length >= 16, 'the database gave the entry a token');
  return { id, token: row.notification_token };
}

async function open(url, language) {
  const page = await browser.newPage();
  await page.setViewport(phone);
  await page.setExtraHTTPHeaders({ 'Accept-Language': language });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, response };
}

const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());

async function main() {
  startBackend();
  const r = await seedRestaurant();
  await joinList(r, 'First in line', 2);
  const guest = await joinList(r, 'Camille <b>Durand</b>', 2);
  const url = `${env.FOH_BACKEND_URL}/w/${guest.token}`;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });

  // English browser.
  const en = await open(url, 'en-GB,en;q=0.9');
  assert.equal(en.response.status(), 200);
  const h = en.response.headers();
  assert.match(h['content-security-policy'], /default-src 'self'/);
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.equal(h['cache-control'], 'no-store');
  assert.equal(await en.page.$eval('html', (e) => e.lang), 'en');
  assert.equal(await text(en.page, '#position'), '2');
  assert.match(await text(en.page, '#wait'), /^(85–95|90–100) min$/);
  assert.equal(await text(en.page, '#leave'), 'Leave the list');
  const shown = await en.page.$eval('body', (e) => e.innerText);
  assert.ok(shown.includes('Le Petit <Zinc> & Fils'), 'the restaurant name, escaped, reads as typed');
  assert.ok(!shown.includes('First in line') && !shown.includes('Durand'), 'no guest is named');
  assert.equal(await en.page.$('script'), null, 'the page has no script');
  // The leave button is a real touch target on a phone (>= 44 CSS px tall).
  const box = await (await en.page.$('#leave')).boundingBox();
  assert.ok(box.height >= 44 && box.width > phone.width / 2, `leave button ${box.width}x${box.height}`);
  await en.page.close();

  // French browser: the same page in French; its screenshot goes to docs/.
  const fr = await open(url, 'fr-FR,fr;q=0.9,en;q=0.5');
  assert.equal(await fr.page.$eval('html', (e) => e.lang), 'fr');
  assert.equal(await text(fr.page, '#position'), '2');
  assert.match(await text(fr.page, '#updated'), /^Mis à jour à \d\d:\d\d\./);
  assert.equal(await text(fr.page, '#leave'), 'Quitter la liste');
  mkdirSync(dirname(screenshot), { recursive: true });
  await fr.page.screenshot({ path: screenshot, fullPage: true });

  // Leave the list with a tap: the form posts, the entry is cancelled.
  await Promise.all([fr.page.waitForNavigation({ waitUntil: 'load' }), fr.page.tap('#leave')]);
  assert.equal(await text(fr.page, 'h1'), 'Vous avez quitté la liste');
  const [row] = await rest('GET', `/rest/v1/waitlist_entries?select=status&id=eq.${guest.id}`);
  assert.equal(row.status, 'cancelled');
  // The link is dead now: a closed page in the guest's language.
  const after = await open(url, 'fr-FR');
  assert.equal(after.response.status(), 404);
  assert.equal(await text(after.page, 'h1'), 'Entrée fermée');
  console.log(`position page: ok (screenshot ${screenshot})`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  if (browser) await browser.close().catch(() => {});
  try {
    execFileSync(localSh, ['stop', dir], { stdio: 'ignore' });
  } catch {}
  if (!failed) rmSync(dir, { recursive: true, force: true });
  else console.error(`backend logs kept in ${dir}`);
}
process.exit(failed ? 1 : 0);
