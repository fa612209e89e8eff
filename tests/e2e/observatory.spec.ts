import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/**
 * The observatory on the demo editions (two closed synthetic campaigns, seeded at start), named
 * in the address: the contribution spec may publish a real edition of this year's campaign.
 */
const year = new Date().getUTCFullYear();
const latest = year - 1;
const older = year - 2;

async function noHorizontalScroll(page: Page) {
	const { scroll, client } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(scroll).toBeLessThanOrEqual(client);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the language switch is a link: remembered, and back to the same page', async ({ page }) => {
		await page.goto('/observatoire?campagne=' + older);
		await page.getByRole('link', { name: /English/ }).click();
		await page.waitForURL((url) => url.pathname === '/en/observatoire');
		expect(new URL(page.url()).search).toBe('?campagne=' + older);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		// Remembered by the server: a French address now opens in English.
		await page.goto('/observatoire');
		await page.waitForURL((url) => url.pathname === '/en/observatoire');
		await page.getByRole('link', { name: /français/i }).click();
		await page.waitForURL((url) => url.pathname === '/observatoire');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await page.goto('/observatoire/' + older + '/1');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	});

	test('the charts with their tables, the map and a trend across two campaigns', async ({
		page
	}) => {
		await page.goto(`/observatoire?campagne=${latest}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Observatoire de la maturité numérique des collectivités'
		);
		await expect(page.getByRole('link', { name: 'Faire votre diagnostic' })).toHaveAttribute(
			'href',
			'/diagnostics/nouveau'
		);
		// Four distributions, the map and the trend: each an SVG with a table beside it, marked.
		const figures = page.locator('figure');
		await expect(figures).toHaveCount(6);
		for (const figure of await figures.all()) {
			await expect(figure.locator('svg[role=img]').first()).toBeVisible();
			await expect(figure.locator('figcaption')).toContainText('démonstration');
			await expect(figure.locator('svg').first()).toContainText('démonstration');
		}
		const themes = page.getByRole('table', { name: /Cybersécurité\s: scores par thème/ });
		await expect(themes.getByRole('row')).toHaveCount(1 + 7); // header, overall, six themes
		await expect(themes.getByRole('rowheader').first()).toHaveText('Score global');

		// The map: 18 régions drawn, a table of the 18 beside it, « non publié » where nothing is.
		const map = page.locator('figure.region-map');
		await expect(map.locator('path[data-region]')).toHaveCount(18);
		const regions = page.getByRole('table', { name: /médiane du score global par région/ });
		await expect(regions.locator('tbody tr')).toHaveCount(18);
		await expect(regions.getByRole('row', { name: /Grand Est/ })).not.toContainText('non publié');
		// Some small régions have fewer than k contributions in the demo: named, not published.
		await expect(
			regions.locator('tbody tr').filter({ hasText: 'non publié' }).first()
		).toBeVisible();

		// The trend: one column per demo campaign, the later one higher (the demo improves).
		const trend = page.getByRole('table', { name: /médianes au fil des éditions/ });
		await expect(trend.getByRole('columnheader')).toHaveText([
			'Thème',
			/Campagne \d{4}, édition 1/,
			/Campagne \d{4}, édition 1/
		]);
		await expect(trend.getByRole('columnheader').nth(1)).toContainText(String(older));
		await expect(trend.getByRole('columnheader').nth(2)).toContainText(String(latest));
		const overall = trend.getByRole('row', { name: /Score global/ }).getByRole('cell');
		const [before, after] = (await overall.allTextContents()).map(Number);
		expect(after).toBeGreaterThan(before!);
		await expect(page.locator('figure.trend-chart polyline')).toHaveCount(7);
	});

	test('the selector works through the form, and a bad parameter is named', async ({ page }) => {
		await page.goto(`/observatoire?campagne=${latest}`);
		await page.getByRole('combobox', { name: 'Questionnaire' }).selectOption('donnees');
		await page.getByRole('combobox', { name: 'Type de collectivité' }).selectOption('cc');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/questionnaire=donnees&type=cc/);
		await expect(
			page.getByRole('table', {
				name: /Données et ouverture des données\s: score global par taille — Communauté de communes/
			})
		).toBeVisible();

		await page.goto('/observatoire?type=licorne');
		await expect(page.getByRole('alert')).toContainText('« type »');
		await expect(page.getByRole('table', { name: /par taille — Commune/ })).toBeVisible();
	});

	test('the methodology of an edition', async ({ page }) => {
		await page.goto(`/observatoire?campagne=${latest}`);
		await page
			.getByRole('link', { name: new RegExp(`Édition 1 de la campagne ${latest}`) })
			.first()
			.click();
		await expect(page).toHaveURL(new RegExp(`/observatoire/${latest}/1$`));
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			`Édition 1 de la campagne ${latest}`
		);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('démonstration');
		const method = page.locator('dl.method');
		await expect(method).toContainText(`collecte jusqu’au 15 décembre ${latest} inclus`);
		await expect(method).toContainText('au moins 5 contributions (k = 5)');
		await expect(method).toContainText('Aucune invitation');
		await expect(method).toContainText('règle de différenciation'.replace('règle', 'Règle'));
		await expect(method).toContainText('ce n’est pas un échantillon représentatif');
		await expect(method).toContainText('Données de démonstration');
		await expect(page.getByText('Première édition de la campagne')).toBeVisible();
		await expect(
			page.getByRole('table', {
				name: /Contributions prises en compte, par questionnaire et par origine/
			})
		).toContainText('Démonstration (synthétiques)');
		await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute(
			'href',
			`/observatoire/${latest}/1/donnees.csv`
		);
	});
});

test('axe finds no violation and nothing scrolls sideways at 390 px, in French and in English', async ({
	browser
}) => {
	test.setTimeout(180_000); // twelve pages, each audited
	for (const width of [1280, 390])
		for (const path of [
			`/observatoire?campagne=${latest}`,
			`/en/observatoire?campagne=${latest}`,
			`/observatoire/${latest}/1`,
			`/en/observatoire/${older}/1`,
			'/observatoire/donnees',
			'/observatoire?questionnaire=inclusion&type=departement'
		]) {
			// A context per page: the language chosen is remembered in a cookie, which wins over the URL.
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute(
				'lang',
				path.startsWith('/en') ? 'en' : 'fr'
			);
			await noHorizontalScroll(page);
			if (width === 1280) await expectNoAxeViolations(page);
			await context.close();
		}
});

test('English: the observatory in English, French content marked where a translation is missing', async ({
	page
}) => {
	await page.goto(`/en/observatoire?campagne=${latest}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Observatory of the digital maturity of local authorities'
	);
	await expect(
		page
			.getByRole('table', { name: /scores by theme/ })
			.getByRole('rowheader')
			.first()
	).toHaveText('Overall score');
	await expect(page.getByRole('link', { name: 'Assess your own authority' })).toHaveAttribute(
		'href',
		'/en/diagnostics/nouveau'
	);
	// Marked « demonstration » in English, with no French word left in the figures' captions.
	for (const caption of await page.locator('figcaption').allTextContents()) {
		expect(caption).toContain('demonstration');
		expect(caption).not.toMatch(/démonstration|Score global|toutes tailles/);
	}
});
