import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importBackup, questionnaires, backup } from './diagnostic-file.ts';

/**
 * A phone (390 × 844, an iPhone 12–15) never scrolls sideways: tables reflow or scroll inside
 * their own box, long words wrap. Every page, with real content: a commune's diagnostic with the
 * five questionnaires answered, imported as an officer would.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const ID = 'phone0000000000000000000000000001';
const year = new Date().getUTCFullYear();

/**
 * The page is no wider than the screen; when it is, the error names the elements that stick out
 * (tag, class, right edge): the outermost ones, whose parent fits.
 */
async function expectNoSideScroll(page: Page, what: string) {
	const result = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const scroll = document.documentElement.scrollWidth;
		const culprits: string[] = [];
		if (scroll > width)
			for (const el of document.body.querySelectorAll('*')) {
				const r = el.getBoundingClientRect();
				if (r.right <= width + 0.5 || r.width === 0) continue;
				// Inside a box that scrolls on its own: not the page's scroll.
				let p = el.parentElement;
				let contained = false;
				while (p && p !== document.body) {
					const s = getComputedStyle(p);
					if (
						(s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') &&
						p.getBoundingClientRect().right <= width + 0.5
					) {
						contained = true;
						break;
					}
					p = p.parentElement;
				}
				if (contained) continue;
				const parent = el.parentElement;
				if (
					parent &&
					parent !== document.body &&
					parent.getBoundingClientRect().right > width + 0.5
				)
					continue;
				const cls =
					typeof el.className === 'string' && el.className
						? '.' + el.className.trim().split(/\s+/).join('.')
						: '';
				culprits.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(r.right)}`);
			}
		return { scroll, culprits: culprits.slice(0, 8) };
	});
	expect(
		result.scroll,
		`${what}: the page is ${result.scroll} px wide on a ${PHONE.width} px screen; sticking out: ${result.culprits.join(' | ')}`
	).toBeLessThanOrEqual(PHONE.width);
}

/** Opens every `<details>` of the page, so that what it hides is measured too. */
const openAllDetails = (page: Page) =>
	page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

/** The whole page, and its first screens (a full page is too tall to look at). */
async function shot(page: Page, name: string) {
	mkdirSync('tests/artifacts/phone', { recursive: true });
	await page.screenshot({ path: `tests/artifacts/phone/${name}.png`, fullPage: true });
	const width = page.viewportSize()?.width ?? PHONE.width;
	await page.screenshot({
		path: `tests/artifacts/phone/${name}-top.png`,
		fullPage: true,
		clip: { x: 0, y: 0, width, height: 1400 }
	});
}

test('no page scrolls sideways on a 390 px phone', async ({ page }) => {
	test.setTimeout(240_000);
	await page.setViewportSize(PHONE);
	const qs = await questionnaires(page);
	const file = join(tmpdir(), `phone-${process.pid}.json`);
	writeFileSync(file, JSON.stringify(backup(qs, ID, 'Saint-Dié-des-Vosges')));

	await page.goto('/importer');
	await expectNoSideScroll(page, 'import');
	await importBackup(page, file, ID);

	await page.goto('/');
	await expect(page.locator(`[data-diagnostic="${ID}"]`)).toBeVisible();
	await expectNoSideScroll(page, 'home');
	// The language switch covers nothing of the header.
	const overlap = await page.evaluate(() => {
		const a = document.querySelector('.site-header .language')!.getBoundingClientRect();
		return [...document.querySelectorAll('.site-header .brand, .site-header .tagline')].some(
			(el) => {
				const b = el.getBoundingClientRect();
				return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
			}
		);
	});
	expect(overlap, 'the language switch overlaps the brand or its tagline').toBe(false);
	await shot(page, 'home-390');

	await page.goto('/diagnostics/nouveau');
	await expectNoSideScroll(page, 'new diagnostic');
	await page.goto(`/diagnostics/${ID}/profil`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoSideScroll(page, 'profile');
	await page.goto(`/diagnostics/${ID}`);
	await expectNoSideScroll(page, 'overview');

	for (const q of qs)
		for (const theme of q.themes) {
			await page.goto(`/diagnostics/${ID}/questionnaires/${q.id}?theme=${theme.id}`);
			await expect(page.locator('fieldset.question').first()).toBeVisible();
			await openAllDetails(page);
			await expectNoSideScroll(page, `answering ${q.id} / ${theme.id}`);
		}
	await page.goto(`/diagnostics/${ID}/questionnaires/cybersecurite`);
	await expect(page.locator('fieldset.question').first()).toBeVisible();
	await shot(page, 'answering-390');

	await page.goto(`/diagnostics/${ID}/resultats`);
	await expect(page.locator('svg.radar-chart').first()).toBeVisible();
	await openAllDetails(page);
	await expectNoSideScroll(page, 'results');
	await shot(page, 'results-390');
	const obligations = await page.locator('table.obligations').boundingBox();
	if (obligations)
		await page.screenshot({
			path: 'tests/artifacts/phone/results-obligations-390.png',
			fullPage: true,
			clip: { x: 0, y: obligations.y - 60, width: PHONE.width, height: 1400 }
		});

	await page.goto('/observatoire');
	await expectNoSideScroll(page, 'observatory');
	await page.goto(`/observatoire/${year - 1}/1`);
	await openAllDetails(page);
	await expectNoSideScroll(page, 'observatory edition');
	await page.goto('/observatoire/donnees');
	await expectNoSideScroll(page, 'observatory data');
	await page.goto('/en/diagnostics/nouveau');
	await expectNoSideScroll(page, 'new diagnostic in English');

	const missing = await page.goto('/diagnostics/introuvable-et-inexistant-depuis-toujours');
	expect(missing?.status() ?? 404).toBeGreaterThanOrEqual(200);
	await expectNoSideScroll(page, 'error page');
	await page.goto('/une-page-qui-n-existe-pas-anticonstitutionnellement');
	await expectNoSideScroll(page, 'not found');

	// The same pages on a laptop, to look at.
	await page.setViewportSize(DESKTOP);
	await page.goto('/');
	await expect(page.locator(`[data-diagnostic="${ID}"]`)).toBeVisible();
	await shot(page, 'home-1366');
	await page.goto(`/diagnostics/${ID}/questionnaires/cybersecurite`);
	await expect(page.locator('fieldset.question').first()).toBeVisible();
	await shot(page, 'answering-1366');
	await page.goto(`/diagnostics/${ID}/resultats`);
	await expect(page.locator('svg.radar-chart').first()).toBeVisible();
	await shot(page, 'results-1366');
});
