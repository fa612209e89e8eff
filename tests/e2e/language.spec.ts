import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { visibleTextWithoutLang } from './helpers.ts';

const catalog = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const fr = catalog('fr');
const en = catalog('en');
/** The texts of the shell and the home page (the other areas are checked by their own walks). */
const shellKeys = Object.keys(fr).filter((k) => /^(app|home)_/.test(k));

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

test('the switch changes the language, keeps the page, and is remembered', async ({ page }) => {
	await page.goto('/importer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['import_heading']!);
	expect(await htmlLang(page)).toBe('fr');

	// Reached with the keyboard: from the skip link, past the brand, to the switch.
	const button = page.getByRole('link', { name: /English/ });
	for (let i = 0; i < 5 && !(await button.evaluate((b) => b === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(button).toBeFocused();
	await expect(button).toHaveAttribute('lang', 'en');
	await page.keyboard.press('Enter');

	await page.waitForURL('**/en/importer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['import_heading']!);
	expect(await htmlLang(page)).toBe('en');

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['import_heading']!);
	expect(await htmlLang(page)).toBe('en');

	// A new page, typed without /en: the remembered language wins (the server redirects to /en).
	await page.goto('/');
	await page.waitForURL('**/en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['home_heading']!);
	expect(await htmlLang(page)).toBe('en');
	// Links inside the app keep the language.
	await page.getByRole('link', { name: en['home_import']! }).click();
	await page.waitForURL('**/en/importer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['import_heading']!);

	await page.getByRole('link', { name: /français/i }).click();
	await page.waitForURL((url) => url.pathname === '/importer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['import_heading']!);
	expect(await htmlLang(page)).toBe('fr');
	// An English address stays English whatever was chosen: a link shared in English opens so.
	await page.goto('/en/importer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['import_heading']!);
	expect(await htmlLang(page)).toBe('en');
	// ... and following it once changes nothing for the French addresses.
	await page.goto('/importer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['import_heading']!);
	expect(await htmlLang(page)).toBe('fr');
});

test('the home page shows no text of the other language outside marked fragments', async ({
	page
}) => {
	await page.goto('/');
	const french = await visibleTextWithoutLang(page, 'en');
	for (const key of shellKeys) expect(french).not.toContain(en[key]);
	expect(french).toContain(fr['home_heading']);
	expect(french).not.toContain('English'); // the switch names its language, marked lang="en"

	// A visitor of the French pages follows an English link: it opens in English.
	await page.goto('/en/');
	expect(await htmlLang(page)).toBe('en');
	const english = await visibleTextWithoutLang(page, 'fr');
	for (const key of shellKeys) expect(english).not.toContain(fr[key]);
	expect(english).toContain(en['home_heading']);
	expect(english).not.toContain('Français');
	await expect(page.locator('meta[name="description"]')).toHaveAttribute(
		'content',
		en['app_description']!
	);
});
