/**
 * Issue 12's done-when, on the results page: for a commune of about 30,000 inhabitants and for
 * an EPCI, five questionnaires answered, « Par quoi commencer » lists one to five distinct
 * priorities on the first screen; an incomplete diagnostic says so; no axe violation.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fullBackup, importBackup, officialProfile } from '../support/backup.ts';
import { expectNoAxeViolations } from './helpers.ts';

/** Périgueux (legal population 31,360) and its communauté d'agglomération. */
const TERRITORIES = [
	{ label: 'a commune of about 30,000', code: '24322', name: 'Périgueux' },
	{ label: 'an EPCI', code: '200040392', name: 'CA Le Grand Périgueux' }
] as const;
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** Imports a diagnostic of `code` with every question answered (or the first `answered`). */
async function importDiagnostic(
	page: Page,
	code: string,
	file: string,
	answered?: number
): Promise<string> {
	const id = `rest${code.padStart(9, '0')}${answered ?? 'all'}`.padEnd(30, '0');
	return importBackup(
		page,
		fullBackup(undefined, id, { profile: officialProfile(code), answered }),
		file
	);
}

async function openResults(page: Page, id: string) {
	await page.goto(`/diagnostics/${id}/resultats`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The questionnaires' sections are drawn after the first paint: wait for them.
	await expect(page.locator('.peer-note').first()).toBeVisible();
}

/** The priorities' titles and whether each item lies entirely inside the viewport. */
const priorities = (page: Page) =>
	page
		.getByRole('region', { name: 'Par quoi commencer' })
		.locator('li.priority')
		.evaluateAll((items) =>
			items.map((li) => {
				const r = li.getBoundingClientRect();
				return {
					key: li.getAttribute('data-key'),
					title: li.querySelector('h3')?.textContent?.trim() ?? '',
					onFirstScreen:
						r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
				};
			})
		);

/** The first screen, and the whole page for a look at the rest. */
async function screenshot(page: Page, name: string) {
	mkdirSync('tests/artifacts', { recursive: true });
	await page.screenshot({ path: `tests/artifacts/${name}.png` });
	// The global score and the top of the action plan, as a reader scrolls to them.
	for (const section of ['global-title', 'plan-title']) {
		const box = await page.locator(`section[aria-labelledby="${section}"]`).boundingBox();
		const scrollY = await page.evaluate(() => window.scrollY);
		if (box)
			await page.screenshot({
				path: `tests/artifacts/${name}-${section}.png`,
				fullPage: true,
				clip: { x: 0, y: box.y + scrollY, width: page.viewportSize()!.width, height: 1200 }
			});
	}
}

for (const t of TERRITORIES) {
	test(`${t.label} (${t.name}): the priorities on the first screen, no axe violation`, async ({
		page
	}, info) => {
		test.setTimeout(120_000);
		await page.setViewportSize(DESKTOP);
		const id = await importDiagnostic(page, t.code, info.outputPath('diagnostic.json'));
		await openResults(page, id);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(t.name);

		await screenshot(page, `restitution-${t.code}-1366`);
		const list = await priorities(page);
		expect(list.length).toBeGreaterThanOrEqual(1);
		expect(list.length).toBeLessThanOrEqual(5);
		expect(new Set(list.map((p) => p.key)).size, 'distinct priorities').toBe(list.length);
		expect(new Set(list.map((p) => p.title)).size, 'distinct titles').toBe(list.length);
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		expect(
			list.filter((p) => !p.onFirstScreen).map((p) => p.title),
			'every priority inside the 1366×768 viewport without scrolling'
		).toEqual([]);
		// Each one says why and gives a first step.
		const region = page.getByRole('region', { name: 'Par quoi commencer' });
		await expect(region.getByText('Pourquoi\u202f:')).toHaveCount(list.length);
		await expect(region.getByText('Premier pas\u202f:')).toHaveCount(list.length);
		// A complete diagnostic: no warning, a score that reads as one.
		await expect(page.getByText('Diagnostic incomplet')).toHaveCount(0);
		await expect(page.getByText(/^Score global\u202f: \d+\u00a0\/\u00a0100/)).toBeVisible();
		// The région in words, never its code.
		await expect(page.locator('main')).not.toContainText(/région 75|, 75\b/i);
		// Plain words in the score tables, and what they mean on demand.
		const table = page.getByRole('table', { name: /Profil global par questionnaire/ });
		await expect(table.getByRole('columnheader')).toContainText([
			'Domaine',
			'Score sur 100',
			'Si le prévu est fait',
			'Part répondue'
		]);
		for (const jargon of ['Axe', 'Cible', 'Couverture'])
			await expect(table.getByRole('columnheader', { name: jargon, exact: true })).toHaveCount(0);
		// « Now » is capped at ten; what was moved later says so.
		await expect(page.getByRole('heading', { name: 'Tout de suite (10)' })).toBeVisible();
		await expect(page.getByText(/^Actions reportées \(\d+\)\u202f: /)).toBeVisible();
		await page.getByText('Comment lire ces chiffres').click();
		await expect(page.getByText(/^Le score, sur 100, mesure ce qui est en place/)).toBeVisible();
		await expectNoAxeViolations(page);

		// On a phone, « Par quoi commencer » is the first thing after the heading.
		await page.setViewportSize(PHONE);
		await page.evaluate(() => window.scrollTo(0, 0));
		const next = await page.evaluate(() => {
			let e = document.querySelector('main h1')?.nextElementSibling;
			while (e && e.classList.contains('demo-banner')) e = e.nextElementSibling;
			return e?.getAttribute('aria-labelledby') ?? e?.tagName;
		});
		expect(next).toBe('priorities-title');
		await screenshot(page, `restitution-${t.code}-390`);
	});
}

test('an incomplete diagnostic says « Diagnostic incomplet », links what is missing, no axe violation', async ({
	page
}, info) => {
	test.setTimeout(120_000);
	await page.setViewportSize(DESKTOP);
	const id = await importDiagnostic(page, '24322', info.outputPath('diagnostic.json'), 2);
	await openResults(page, id);
	const note = page.getByRole('note').filter({ hasText: 'Diagnostic incomplet' });
	await expect(note).toBeVisible();
	await expect(note.getByRole('heading', { name: 'Diagnostic incomplet' })).toBeVisible();
	// Said on the first screen too, above the priorities, with a way to what is missing.
	const priorities = page.getByRole('region', { name: 'Par quoi commencer' });
	await expect(priorities).toContainText('Diagnostic incomplet\u202f: ces priorités');
	await priorities.getByRole('link', { name: 'Voir ce qui manque' }).click();
	await expect(page).toHaveURL(/#incomplete-title$/);
	// The global score is not a verdict: provisional, no level.
	await expect(page.getByText(/^Score provisoire\u202f: \d+\u00a0\/\u00a0100/)).toBeVisible();
	await expect(page.getByText(/^Score global\u202f:/)).toHaveCount(0);
	// Each questionnaire left to answer links to its questions.
	const links = note.getByRole('link');
	expect(await links.count()).toBeGreaterThanOrEqual(1);
	await expect(links.first()).toHaveAttribute(
		'href',
		new RegExp(`^/diagnostics/${id}/questionnaires/[a-z-]+$`)
	);
	await screenshot(page, 'restitution-incomplete-1366');
	await expectNoAxeViolations(page);
	await links.first().click();
	await expect(page.locator('fieldset.question').first()).toBeVisible();
});

test('offline peers: the results show without peer figures, said so, and with them once back', async ({
	page
}, info) => {
	test.setTimeout(120_000);
	const id = await importDiagnostic(page, '24322', info.outputPath('diagnostic.json'));
	const peerMedian = page.getByRole('columnheader', { name: 'Pairs\u202f: score du milieu' });
	// The peer figures cannot be fetched (offline, or the server down): the scores still show.
	await page.route('**/api/benchmarks**', (route) => route.abort('internetdisconnected'));
	await page.goto(`/diagnostics/${id}/resultats`);
	await expect(
		page.getByText('La comparaison avec les pairs est indisponible (hors ligne\u202f?).', {
			exact: false
		})
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'Par quoi commencer' })).toBeVisible();
	await expect(page.getByText(/^Score global\u202f: \d+\u00a0\/\u00a0100/)).toBeVisible();
	await expect(page.locator('.radar-chart').first()).toBeVisible();
	await expect(peerMedian).toHaveCount(0);
	// Back online: the same page, loaded again, has the peers' figures and no such notice.
	await page.unroute('**/api/benchmarks**');
	await openResults(page, id);
	await expect(page.getByText('La comparaison avec les pairs est indisponible')).toHaveCount(0);
	await expect(peerMedian.first()).toBeVisible();
});
