import { expect, test } from '@playwright/test';
import { answerAll, createNancy, waitSaved } from './helpers.ts';

test('contributing shows exactly what is sent, keeps the withdrawal token, and withdraws', async ({
	page
}) => {
	const id = await createNancy(page, ['inclusion']);
	await answerAll(page, id, 'inclusion');

	const sent: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/contributions')) sent.push(`${r.method()} ${r.postData() ?? ''}`);
	});
	await page.goto(`/diagnostics/${id}/resultats`);
	await page.getByRole('button', { name: /Voir exactement ce qui serait envoyé/ }).click();
	const preview = JSON.parse(await page.locator('pre.json').innerText());
	expect(Object.keys(preview).sort()).toEqual([
		'campaign',
		'cohort',
		'questionnaire',
		'scores',
		'version'
	]);
	expect(preview.cohort).toEqual({ type: 'commune', band: '100000-299999', region: '44' });
	expect(JSON.stringify(preview)).not.toContain('Nancy');
	expect(JSON.stringify(preview)).not.toContain('54395');

	await page.getByRole('button', { name: /^Envoyer ma contribution/ }).click();
	await expect(page.getByText(/Contribution envoyée/)).toBeVisible();
	// What went over the wire is exactly the preview.
	expect(sent).toHaveLength(1);
	expect(JSON.parse(sent[0]!.slice('POST '.length))).toEqual(preview);

	// The token is kept in the browser: after a reload the contribution can still be withdrawn.
	await page.reload();
	await page.getByRole('button', { name: /^Retirer ma contribution/ }).click();
	await expect(page.getByRole('button', { name: /^Envoyer ma contribution/ })).toBeVisible();
	expect(sent.at(-1)).toMatch(/^DELETE/);
});

test('an earlier diagnostic of the same territory shows what changed', async ({ page }) => {
	page.on('dialog', (d) => void d.accept());
	const earlier = await createNancy(page, ['cybersecurite']);
	await page.goto(`/diagnostics/${earlier}/questionnaires/cybersecurite`);
	const first = page.locator('fieldset.question').first();
	await first.getByRole('radio').nth(0).check();
	await waitSaved(page);

	// Next year: duplicate, then improve the answer.
	await page.goto('/');
	await page.getByRole('button', { name: 'Dupliquer : Nancy' }).click();
	await expect(page.locator('li.diagnostic')).toHaveCount(2);
	const copy = (await page.locator('li.diagnostic').first().getAttribute('data-diagnostic'))!;
	await page.goto(`/diagnostics/${copy}/questionnaires/cybersecurite`);
	await page.locator('fieldset.question').first().getByRole('radio').nth(2).check();
	await waitSaved(page);

	await page.goto(`/diagnostics/${copy}/resultats`);
	await page.getByLabel('Comparer avec').selectOption({ index: 1 });
	await expect(page.getByRole('heading', { name: /^Cybersécurité : \d+ → \d+/ })).toBeVisible();
	await expect(page.locator('ul.changes li').first()).toContainText('▲');
	await expect(page.getByRole('table', { name: /Profil global/ })).toContainText(
		'Diagnostic précédent'
	);
});
