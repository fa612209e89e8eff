import { expect, test } from '@playwright/test';
import { createNancy } from './helpers.ts';

/* The diagnostics list, the territory search and the delete confirmation speak the page's language. */

test('in English, the territory search and the diagnostics list speak English', async ({
	page
}) => {
	// Created in French (the helper's labels), before the English pages are visited.
	await createNancy(page, ['cybersecurite']);
	// The language remembered in a cookie wins over the URL: forget it, so that /en decides.
	await page.context().clearCookies();
	await page.goto('/en/');
	await expect(page.locator('li.diagnostic')).toContainText(/: 0 of \d+ questions answered/);
	await expect(page.getByRole('link', { name: /^Continue ?: Nancy — \d{4}$/ })).toHaveAttribute(
		'href',
		/^\/en\/diagnostics\/[0-9a-f]{32}$/
	);
	let asked = '';
	page.once('dialog', (d) => {
		asked = d.message();
		void d.accept();
	});
	await page.getByRole('button', { name: /^Delete ?: Nancy — \d{4}$/ }).click();
	await expect(page.getByText('There are no diagnostics in this browser yet.')).toBeVisible();
	expect(asked).toBe('Permanently delete the diagnostic “Nancy” from this browser?');

	await page.goto('/en/diagnostics/nouveau');
	await page.getByLabel('Find your local authority').fill('Nancy');
	await expect(page.getByRole('status').filter({ hasText: /\d+ results?\./ })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Search results' })).toContainText(
		'legal pop. 105,792 (2022)'
	);
});
