import { expect, test } from '@playwright/test';
import { askedIds, choose, expectNoAxeViolations, question, storedAnswers } from './helpers.ts';

/** The profile form, the overview and a questionnaire at `/en/…`, in English. */
test('create an assessment, fill in the profile and answer in English', async ({ page }) => {
	await page.goto('/en/diagnostics/nouveau');
	await expect(page.getByRole('heading', { level: 1, name: 'New assessment' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	// Typed by hand (the search is another area's): a bad population and year are explained, in English.
	await page.getByLabel('Name', { exact: true }).fill('Villeneuve-Test');
	await page.getByLabel('Type of authority').selectOption('commune');
	await page.getByLabel('Legal population (total)').fill('-5');
	await page.getByLabel('Year of the legal population figure').fill('1900');
	await page.getByRole('button', { name: 'Create the assessment' }).click();
	await expect(
		page.getByText('The population is a whole number of inhabitants, for example 4200.')
	).toBeVisible();
	await expect(
		page.getByText('The year of the population figure is between 1990 and 2100, for example 2023.')
	).toBeVisible();
	await expect(
		page.getByText('Choose the number of staff: some obligations depend on it.')
	).toBeVisible();
	await expect(page.getByText('The profile is incomplete: see the fields marked.')).toBeVisible();

	await page.getByLabel('Legal population (total)').fill('4200');
	await page.getByLabel('Year of the legal population figure').fill('2023');
	await page.getByLabel('Region', { exact: true }).selectOption('44');
	await page.getByLabel('Number of staff').selectOption('50-249');
	await expect(page.locator('.cohort')).toContainText(
		'Municipality (commune) · 3,500 to 9,999 inhabitants · Grand Est'
	);
	for (const box of await page
		.getByRole('group', { name: 'Questionnaires' })
		.getByRole('checkbox')
		.all())
		await box.setChecked((await box.getAttribute('value')) === 'cybersecurite');
	await page.getByRole('button', { name: 'Create the assessment' }).click();

	// The overview keeps the language in its address and its links.
	await page.waitForURL(/\/en\/diagnostics\/[0-9a-f]{32}$/);
	const id = page.url().split('/').pop()!;
	await expect(page.getByRole('heading', { name: 'Assessment: Villeneuve-Test' })).toBeVisible();
	await expect(page.locator('dd.cohort')).toHaveText(
		'Municipality (commune) · 3,500 to 9,999 inhabitants · Grand Est'
	);
	await expect(page.getByText('50 to 249 staff')).toBeVisible();
	await expect(page.getByText('0 of', { exact: false })).toBeVisible();
	await page.getByRole('link', { name: /^Start/ }).click();
	await page.waitForURL(new RegExp(`/en/diagnostics/${id}/questionnaires/cybersecurite`));

	// The questionnaire in English, its built-in answers and saving too.
	await expect(page.getByRole('heading', { level: 1, name: 'Cybersecurity' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Questionnaire themes' })).toBeVisible();
	await expect(page.locator('.save-status')).toHaveText(
		'Each answer is saved as soon as you give it.'
	);
	const ids = await askedIds(page);
	await choose(page, ids[0]!, 1);
	await question(page, ids[1]!).getByLabel("Don't know").check();
	await question(page, ids[2]!).getByLabel('Comment (optional)').fill('Shared with the county');
	await expect(page.locator('.save-status')).toHaveText(/Saved in this browser/);
	await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'saved');
	expect(Object.keys(await storedAnswers(page, id))).toHaveLength(3);

	// Every content text is translated: nothing in the questions is marked French but legal references.
	await expect(page.locator('main fieldset.question [lang="fr"]:not(.legal *)')).toHaveCount(0);
	await page
		.getByRole('navigation', { name: 'Questionnaire themes' })
		.getByRole('button', { name: /^Incident/ })
		.click();
	const legal = question(page, 'plainte-72h');
	await expect(legal.locator('.badge')).toHaveText('Legal obligation');
	await legal.getByText('Help', { exact: true }).click();
	await expect(legal.locator('.legal')).toContainText('Legal basis:');
	await expect(legal.locator('.legal [lang="fr"]')).toHaveCount(1);
	await expectNoAxeViolations(page);

	// The next theme (its address keeps the language), then back to the overview, still in English.
	await page.getByRole('button', { name: /^Next theme: / }).click();
	await expect(page).toHaveURL(/\/en\/diagnostics\/.+\?theme=/);
	await page.getByRole('link', { name: 'Villeneuve-Test' }).click();
	await page.waitForURL(new RegExp(`/en/diagnostics/${id}$`));
	await expect(page.getByRole('link', { name: /^Resume/ })).toBeVisible();
});
