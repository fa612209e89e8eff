import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createNancy, expectNoAxeViolations, openQuestionnaire } from './helpers.ts';

const catalog = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;

for (const [locale, prefix] of [
	['fr', ''],
	['en', '/en']
] as const) {
	const m = catalog(locale);

	test(`a page that does not exist answers 404 with a way home (${locale})`, async ({ page }) => {
		const response = await page.goto(`${prefix}/nope`);
		expect(response?.status()).toBe(404);
		expect(await page.locator('html').getAttribute('lang')).toBe(locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['error_not_found_heading']!);
		await expect(page.getByRole('alert')).toHaveText(m['error_not_found_text']!);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: m['error_home']! }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['home_heading']!);
		expect(new URL(page.url()).pathname).toMatch(locale === 'en' ? /^\/en\/?$/ : /^\/$/);
	});

	test(`a diagnostic not in this browser answers 404 with its reason and a way home (${locale})`, async ({
		page
	}) => {
		// The text is loaded with the 404 only (the answering page does not carry it).
		await page.goto(
			`${prefix}/diagnostics/0123456789abcdef0123456789abcdef/questionnaires/cybersecurite`
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['error_not_found_heading']!);
		await expect(page.getByRole('alert')).toHaveText(m['answer_error_no_diagnostic']!);
		expect(await page.locator('html').getAttribute('lang')).toBe(locale);
		await page.getByRole('link', { name: m['error_home']! }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['home_heading']!);
	});

	test(`a browser store that cannot open shows its reason with a way home (${locale})`, async ({
		page
	}) => {
		// As in a private window that refuses IndexedDB.
		await page.addInitScript(() => {
			IDBFactory.prototype.open = () => {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			};
		});
		await page.goto(`${prefix}/diagnostics/0123456789abcdef0123456789abcdef`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['error_heading']!);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(
			locale === 'fr' ? 'le stockage local est indisponible' : 'local storage is unavailable'
		);
		await expect(alert).not.toContainText('Internal Error');
		expect(await page.locator('html').getAttribute('lang')).toBe(locale);
		await expectNoAxeViolations(page);
		await expect(page.getByRole('button', { name: m['error_reload']! })).toBeVisible();
		await page.getByRole('link', { name: m['error_home']! }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['home_heading']!);
	});

	test(`a full browser store shows why the answer is not saved (${locale})`, async ({ page }) => {
		const id = await createNancy(page);
		await openQuestionnaire(page, id, 'cybersecurite', undefined, prefix);
		// The storage-failure texts load with the first failure: the page does not carry them.
		await page.evaluate(() => {
			IDBObjectStore.prototype.put = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		await page.locator('fieldset.question').first().getByRole('radio').first().check();
		await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'error');
		await expect(page.getByRole('alert')).toHaveText(
			m['storage_failed_quota']!.replace('{action}', m['storage_action_save_answer']!)
		);
	});
}
