/**
 * Finding a child across the council in the browser (issue 16): a social worker from another team
 * finds the child's identity but cannot open the record, and asks for access; the record's team
 * manager grants it from Access requests and the worker then opens the record. Registering the
 * same child again is warned about before it saves; a service manager then merges the duplicate
 * into the first record. Every new page is checked with axe (WCAG 2.2 AA), and at 390 px wide.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** A signed-in page for a worker, through the development sign-in. */
async function signedIn(workerId: string, width = 1100): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.locator(`button[data-worker-id="${workerId}"]`).click();
  await page.waitForSelector('[data-testid=signed-in-as]');
  return page;
}

interface Child { childId: string; forename: string; surname: string; dateOfBirth: string; teamId: string }
let child: Child;
let otherWorker: string;
const TEAM_MANAGER = 'w-e2e-team-manager';
const SERVICE_MANAGER = 'w-e2e-service-manager';

beforeAll(async () => {
  server = await startServer({ children: 400 });
  browser = await launchBrowser();
  // A child allocated in one team, and a social worker of another team who never recorded on the child.
  const found = await server.db.pool.query(
    `SELECT c.child_id, c.forename, c.surname, c.date_of_birth::text AS date_of_birth, c.allocated_team_id,
            (SELECT w.worker_id FROM worker w JOIN team t ON t.la_code = w.la_code AND t.team_id = w.team_id
              WHERE w.la_code = c.la_code AND w.role = 'social-worker' AND w.left_on IS NULL AND w.team_id <> c.allocated_team_id
                AND NOT EXISTS (SELECT 1 FROM child_event e WHERE e.la_code = c.la_code AND e.child_id = c.child_id AND e.recorded_by_user = w.worker_id)
                AND NOT EXISTS (SELECT 1 FROM team mine WHERE mine.la_code = t.la_code AND mine.team_id = c.allocated_team_id AND mine.service = t.service)
              ORDER BY w.worker_id LIMIT 1) AS other_worker
       FROM child c
      WHERE c.la_code = '206' AND c.allocated_team_id IS NOT NULL AND c.date_of_birth IS NOT NULL AND c.forename ~ '^[A-Za-z]+$' AND c.surname ~ '^[A-Za-z]+$'
        AND NOT EXISTS (SELECT 1 FROM child d WHERE d.la_code = c.la_code AND d.child_id <> c.child_id AND d.surname = c.surname)
      ORDER BY c.child_id LIMIT 50`,
  );
  const row = found.rows.find((r) => r.other_worker)!;
  child = { childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: row.date_of_birth, teamId: row.allocated_team_id };
  otherWorker = row.other_worker;
  // The child's team's manager, and a service manager: the seeded borough's workers are practitioners.
  await server.db.pool.query(
    `INSERT INTO worker (la_code, worker_id, name, role, team_id, agency, started_on) VALUES
       ('206', $1, 'Morgan Team-Manager', 'team-manager', $3, 'childrens-social-care', '2020-01-01'),
       ('206', $2, 'Sasha Service-Manager', 'service-manager', $3, 'childrens-social-care', '2020-01-01')`,
    [TEAM_MANAGER, SERVICE_MANAGER, child.teamId],
  );
}, 600_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('finding a child across the council, asking for access, and a duplicate merged', () => {
  let worker: Page;
  let duplicateId: string;
  const name = () => `${child.forename} ${child.surname}`;

  it('finds the child\'s identity from another team, but not the record', async () => {
    worker = await signedIn(otherWorker);
    await worker.goto(`${server.baseUrl}/children?q=${encodeURIComponent(name())}`);
    await worker.waitForSelector('[data-testid=council-results]');
    const row = worker.locator('[data-testid=council-results] tbody tr', { hasText: name() });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('You do not have access to this record');
    expect(await row.textContent()).toContain(child.childId);
    // Identity only: the name is not a link to the record.
    expect(await row.getByRole('link', { name: name(), exact: true }).count()).toBe(0);
    await checkPage(worker, 'find-child-across-the-council');
    await worker.goto(`${server.baseUrl}/children/${child.childId}`);
    await expect.poll(() => worker.locator('h1').textContent()).toBe('Child not found');
  });

  it('asks for access, giving a reason', async () => {
    await worker.goto(`${server.baseUrl}/children?q=${encodeURIComponent(name())}`);
    await worker.waitForSelector('[data-testid=council-results]');
    await worker.locator('[data-testid=council-results]').getByRole('link', { name: /Ask for access/ }).click();
    await worker.waitForSelector('#reason');
    await checkPage(worker, 'ask-for-access');
    await worker.getByRole('button', { name: 'Send the request' }).click();
    await worker.waitForSelector('.govuk-error-summary');
    await expect.poll(() => worker.locator('.govuk-error-summary').textContent()).toContain('Enter why you need to see the record');
    await checkPage(worker, 'ask-for-access-error');
    await worker.getByLabel('Why do you need to see this record?').fill('Their sibling is on my caseload and the school has raised a concern about both');
    await worker.getByRole('button', { name: 'Send the request' }).click();
    await worker.waitForSelector('[data-testid=my-requests]');
    await expect.poll(() => worker.locator('.govuk-notification-banner--success').textContent()).toContain('has been sent');
    await expect.poll(() => worker.locator('[data-testid=my-requests]').textContent()).toContain('Awaiting decision');
    await checkPage(worker, 'access-requests-mine');
  });

  it('lets the record\'s team manager grant it, and the worker then opens the record', async () => {
    const manager = await signedIn(TEAM_MANAGER);
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access requests' }).click();
    await manager.waitForSelector('html[data-ready="access-requests"]');
    await manager.waitForSelector('[data-testid=requests-to-decide]');
    const row = manager.locator('[data-testid=requests-to-decide] tbody tr', { hasText: name() });
    await expect.poll(() => row.count()).toBe(1);
    await checkPage(manager, 'access-requests-to-decide');
    await row.getByRole('link', { name: /Decide/ }).click();
    await manager.waitForSelector('#decide-heading');
    await checkPage(manager, 'decide-access-request');
    await manager.getByLabel('Grant access for a period').check();
    await manager.getByRole('button', { name: 'Save the decision' }).click();
    await manager.waitForSelector('.govuk-notification-banner--success');
    await expect.poll(() => manager.locator('.govuk-notification-banner--success').textContent()).toContain('Access granted');

    await worker.goto(`${server.baseUrl}/access-requests`);
    await worker.waitForSelector('[data-testid=my-requests]');
    await expect.poll(() => worker.locator('[data-testid=my-requests]').textContent()).toContain('Granted');
    await worker.goto(`${server.baseUrl}/children/${child.childId}`);
    await worker.waitForSelector('html[data-ready="child-record"]');
    expect(await worker.locator('h1').textContent()).toContain(name());
  });

  it('warns of the likely duplicate before registering the same child again', async () => {
    await worker.goto(`${server.baseUrl}/children/new`);
    await worker.waitForSelector('[data-testid=event-form]');
    await worker.getByLabel('First name').fill(child.forename);
    await worker.getByLabel('Last name').fill(child.surname);
    const [year, month, day] = child.dateOfBirth.split('-');
    await worker.locator('#dateOfBirth-day').fill(String(Number(day)));
    await worker.locator('#dateOfBirth-month').fill(String(Number(month)));
    await worker.locator('#dateOfBirth-year').fill(year!);
    await worker.getByRole('group', { name: 'Sex' }).getByRole('radio').first().check();
    await worker.getByLabel('Ethnicity').selectOption({ index: 1 });
    await worker.getByRole('button', { name: 'Register the child' }).click();
    await expect.poll(() => worker.locator('[data-testid=likely-duplicates]').textContent()).toContain(child.childId);
    await checkPage(worker, 'register-child-likely-duplicate');
    await worker.getByRole('button', { name: 'They are not the same child: register anyway' }).click();
    await worker.waitForSelector('.govuk-notification-banner--success');
    duplicateId = new URL(worker.url()).pathname.split('/')[2]!;
    expect(duplicateId).not.toBe(child.childId);
  });

  it('lets a service manager merge the duplicate into the first record', async () => {
    const manager = await signedIn(SERVICE_MANAGER);
    await manager.goto(`${server.baseUrl}/children/${child.childId}/merge`);
    await manager.waitForSelector('#duplicateChildId');
    await checkPage(manager, 'merge-a-duplicate');
    await manager.getByLabel('LA child id of the duplicate record').fill(duplicateId);
    await manager.getByLabel('Why are these the same child?').fill('Registered again by another team: same name and date of birth');
    await manager.getByRole('button', { name: 'Continue' }).click();
    await manager.waitForSelector('[data-testid=merge-check]');
    await checkPage(manager, 'merge-check-same-child');
    await manager.getByRole('button', { name: 'Merge the records' }).click();
    await expect.poll(() => manager.locator('.govuk-notification-banner--success').textContent()).toContain('has been merged into this record');
    await expect.poll(() => manager.locator('[data-testid=merges]').textContent()).toContain(duplicateId);
    await checkPage(manager, 'merged-records');
    // The duplicate is found no more: search shows the child once.
    await manager.goto(`${server.baseUrl}/children?q=${encodeURIComponent(name())}`);
    await manager.waitForSelector('[data-testid=result-count]');
    await expect.poll(async () => (await manager.locator('main').textContent())?.includes(duplicateId)).toBe(false);
    expect(await manager.locator('[data-testid=search-results]').textContent()).toContain(child.childId);
  });

  it('keeps the new pages usable at 390 px wide', async () => {
    const phone = await signedIn(otherWorker, 390);
    for (const [path, ready, shot] of [
      [`/children?q=${encodeURIComponent(child.surname)}`, '[data-testid=result-count]', 'find-child-phone'],
      ['/access-requests', 'html[data-ready="access-requests"]', 'access-requests-phone'],
      ['/children/new', '[data-testid=event-form]', 'register-child-phone'],
    ] as const) {
      await phone.goto(`${server.baseUrl}${path}`);
      await phone.waitForSelector(ready);
      // What sticks out past the screen's edge, if anything, named for the failure message.
      const wider = await phone.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest('.app-table-scroll'))
        .slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className}`));
      expect(wider, path).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      await checkPage(phone, shot);
    }
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
