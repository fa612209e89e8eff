import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { backup, importBackup, questionnaires } from './diagnostic-file.ts';
import { expectNoAxeViolations, question } from './helpers.ts';

const ID = 'oblig000000000000000000000000001';

test('each obligation has its short title, legal text, reference and source link, on the results and while answering', async ({
	page
}) => {
	test.setTimeout(120_000);
	const qs = await questionnaires(page);
	const path = join(tmpdir(), `obligations-${process.pid}.json`);
	writeFileSync(path, JSON.stringify(backup(qs, ID, 'Saint-Dié-des-Vosges')));
	await importBackup(page, path, ID);
	const plainte = qs
		.find((q) => q.id === 'cybersecurite')!
		.questions.find((q) => q.id === 'plainte-72h')!.legalBasis!;

	await page.goto(`/diagnostics/${ID}/resultats`);
	const table = page.getByRole('table', { name: /Obligations légales applicables/ });
	await expect(table).toBeVisible();
	// Scrolls in its own box, which the keyboard reaches.
	await expect(
		page.getByRole('region', { name: /Obligations légales applicables/ })
	).toHaveAttribute('tabindex', '0');
	const row = table
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: plainte.title!.fr }) });
	await expect(row).toHaveCount(1);
	await expect(row.locator('.reference')).toHaveText(plainte.reference);
	const link = row.getByRole('link', { name: /^Lire le texte sur legifrance\.gouv\.fr/ });
	await expect(link).toHaveAttribute('href', plainte.url!);
	// The text on demand.
	const text = row.locator('details.legal-text');
	await expect(text.locator('p')).toBeHidden();
	await text.locator('summary').click();
	await expect(text.locator('p')).toHaveText(plainte.text.fr.replace(/\s+/g, ' '));
	// Every obligation of a v2 questionnaire links to its text.
	const rows = table.locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(5);
	await expect(table.locator('tbody tr:not(:has(a.source))')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// While answering: the reference and the link in view, the text on demand.
	await page.goto(`/diagnostics/${ID}/questionnaires/cybersecurite?theme=incidents`);
	const field = question(page, 'plainte-72h');
	await expect(field.locator('.legal .reference')).toHaveText(plainte.reference);
	await expect(field.getByRole('link', { name: /^Lire le texte sur legifrance/ })).toHaveAttribute(
		'href',
		plainte.url!
	);
	await field.getByText('Ce que dit le texte').click();
	await expect(field.locator('.legal-text p')).toHaveText(plainte.text.fr.replace(/\s+/g, ' '));
	await expectNoAxeViolations(page);

	// In English: the text translated, the reference left in French.
	await page.goto(`/en/diagnostics/${ID}/questionnaires/cybersecurite?theme=incidents`);
	await question(page, 'plainte-72h').getByText('What the law says').click();
	await expect(question(page, 'plainte-72h').locator('.legal-text p')).toHaveText(
		plainte.text.en!.replace(/\s+/g, ' ')
	);
	await expect(question(page, 'plainte-72h').locator('.legal .reference')).toHaveAttribute(
		'lang',
		'fr'
	);
});

test('« non applicable » is offered only where the content allows it', async ({ page }) => {
	const qs = await questionnaires(page);
	const donnees = qs.find((q) => q.id === 'donnees')!;
	const allowed = donnees.questions.find((q) => q.id === 'algorithmes-decisions')!;
	expect(allowed.notApplicable).toBe(true);
	const refused = donnees.questions.find(
		(q) => q.theme === allowed.theme && q.notApplicable !== true
	)!;
	const path = join(tmpdir(), `na-${process.pid}.json`);
	writeFileSync(path, JSON.stringify({ ...backup([donnees], ID + 'n', 'Épinal'), answers: [] }));
	await importBackup(page, path, ID + 'n');
	await page.goto(`/diagnostics/${ID}n/questionnaires/donnees?theme=${allowed.theme}`);
	await expect(question(page, allowed.id).getByLabel('Non applicable')).toHaveCount(1);
	await expect(question(page, refused.id).getByLabel('Non applicable')).toHaveCount(0);
	await expect(page.getByLabel('Non applicable')).toHaveCount(
		donnees.questions.filter((q) => q.theme === allowed.theme && q.notApplicable === true).length
	);
});
