import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerAll, createNancy, expectNoAxeViolations, question, waitSaved } from './helpers.ts';

/** Clicks the PDF button, saves the file to `file` and reads its text back (spaces folded). */
async function downloadPdf(page: Page, button: string, file: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	await (await download).saveAs(file);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
}

const ACCENTS = '« Sauvegardes testées — oui & non »';
const SCRIPT = '<img src=x onerror=alert(1)>';

test('a complete diagnostic gives radars with peers, obligations, an action plan and a PDF', async ({
	page
}, info) => {
	test.setTimeout(180_000);
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	const id = await createNancy(page);
	for (const q of ['cybersecurite', 'donnees', 'gouvernance', 'inclusion', 'relation-citoyen'])
		await answerAll(page, id, q);
	// Two comments: one with French punctuation, one with markup that must stay text.
	await page.goto(`/diagnostics/${id}/questionnaires/cybersecurite`);
	const first = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
	await question(page, first).getByLabel('Commentaire (facultatif)').fill(`${ACCENTS} ${SCRIPT}`);
	await waitSaved(page);

	await page.goto(`/diagnostics/${id}/resultats`);
	// Six radars drawn as SVG (global + five questionnaires), each an image with its text.
	await expect(page.locator('svg.radar-chart[role="img"]')).toHaveCount(6);
	await expect(page.locator('canvas')).toHaveCount(0);
	// Every label whole, on a desktop and on a phone: each text inside its drawing, as measured by
	// the browser with the font it really uses.
	const cutTexts = () =>
		page.locator('svg.radar-chart').evaluateAll((svgs) =>
			svgs.flatMap((svg) => {
				const box = svg.getBoundingClientRect();
				return [...svg.querySelectorAll('text')]
					.filter((t) => {
						const r = t.getBoundingClientRect();
						return (
							r.left < box.left - 0.5 ||
							r.right > box.right + 0.5 ||
							r.top < box.top - 0.5 ||
							r.bottom > box.bottom + 0.5
						);
					})
					.map((t) => t.textContent);
			})
		);
	expect(await cutTexts()).toEqual([]);
	const desktop = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	await expect.poll(cutTexts).toEqual([]);
	if (desktop) await page.setViewportSize(desktop);
	await expect(page.getByText('Données de démonstration :')).toBeVisible();
	await expect(page.locator('.peer-note').first()).toContainText(/Comparé à \d+ territoires/);
	await expect(page.getByRole('table', { name: /Profil global par questionnaire/ })).toBeVisible();
	await expect(page.getByRole('table', { name: /Obligations légales applicables/ })).toBeVisible();
	const firstAction = (await page.locator('.action h4').first().innerText())
		.split('\n')[0]!
		.replace(/Obligation non respectée|Déjà prévu/g, '')
		.trim();
	expect(firstAction.length).toBeGreaterThan(5);

	// The comment is text in the page, never markup.
	await page.getByText('Toutes les réponses et tous les commentaires').click();
	await expect(page.locator('.comment-cell').filter({ hasText: SCRIPT })).toHaveCount(1);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);

	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	expect(
		axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);

	const pdf = info.outputPath('diagnostic.pdf');
	const text = await downloadPdf(page, 'Télécharger le diagnostic (PDF)', pdf);
	for (const expected of [
		'Nancy',
		'Cybersécurité',
		'Données et ouverture des données',
		'Stratégie, compétences et numérique responsable',
		'Inclusion numérique',
		'Relation citoyen et services en ligne',
		firstAction,
		ACCENTS,
		SCRIPT,
		'Méthodologie',
		'Données de démonstration'
	])
		// The PDF sets the apostrophe (’) where the content types ' (see frenchTypography).
		expect(text, `the PDF should contain « ${expected} »`).toContain(
			expected.replace(/\s+/g, ' ').replace(/'/g, '’')
		);
	// Page 1 as an image, kept with the test artifacts.
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'80',
		'-f',
		'1',
		'-l',
		'1',
		'-singlefile',
		pdf,
		info.outputPath('page-1')
	]);
	mkdirSync('tests/artifacts', { recursive: true });
	copyFileSync(info.outputPath('page-1.png'), 'tests/artifacts/diagnostic-page-1.png');
	expect(dialogs).toBe(0);

	// From the results to the observatory, which links back to a new diagnostic.
	await page.getByRole('link', { name: 'Voir l’observatoire' }).click();
	await page.waitForURL((url) => url.pathname === '/observatoire');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Observatoire de la maturité numérique des collectivités'
	);
	await expect(page.getByRole('link', { name: 'Faire votre diagnostic' })).toBeVisible();
});

test('in English at /en: the results page, its tables and chart, and the PDF', async ({
	page
}, info) => {
	test.setTimeout(120_000);
	const id = await createNancy(page, ['inclusion', 'cybersecurite']);
	await answerAll(page, id, 'inclusion');
	await answerAll(page, id, 'cybersecurite');

	// The language switch's cookie (French, from the pages above) would win over the URL.
	await page.context().clearCookies();
	await page.goto(`/en/diagnostics/${id}/resultats`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results: Nancy');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('.peer-note').first()).toContainText(/Compared with \d+ territories: /);
	await expect(page.getByRole('heading', { name: 'Overall profile' })).toBeVisible();
	await expect(page.getByText(/^Overall score: \d+\/100/)).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Cybersecurity by theme: chart data' })
	).toBeVisible();
	await expect(
		page
			.getByRole('table', { name: 'Cybersecurity by theme: chart data' })
			.getByRole('columnheader')
	).toContainText([
		'Area',
		'Score out of 100',
		'If planned work is done',
		'Share answered',
		'Level',
		'Peers: middle score'
	]);
	await expect(page.locator('#radar-cybersecurite-chart')).toHaveAttribute(
		'aria-label',
		/^Radar chart: .* The values are in the table next to it\.$/
	);
	await expect(page.getByRole('heading', { name: 'Legal obligations' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Action plan' })).toBeVisible();
	await page.getByRole('button', { name: 'Contribute or manage my contribution' }).click();
	await expect(page.getByLabel('Invitation code')).toBeVisible();
	const main = await page.locator('main').innerText();
	for (const french of [
		'Profil global',
		'Obligations légales',
		'Plan d’action',
		'Télécharger',
		'Pairs :'
	])
		expect(main, `no « ${french} » in the English page`).not.toContain(french);
	await expectNoAxeViolations(page);

	const text = await downloadPdf(
		page,
		'Download the assessment (PDF)',
		info.outputPath('assessment-en.pdf')
	);
	for (const expected of [
		'Digital maturity assessment',
		'Nancy',
		'Summary for elected members',
		'Where to start',
		'The detail, questionnaire by questionnaire',
		'Restricted distribution',
		'Cybersecurity',
		'Legal obligations',
		'Action plan',
		'Annex: answers and comments',
		'Methodology',
		'Demonstration data'
	])
		expect(text, `the PDF should contain « ${expected} »`).toContain(expected);
	for (const french of [
		'Synthèse pour les élus',
		'Méthodologie',
		'Obligations légales',
		'Pourquoi :'
	])
		expect(text, `no « ${french} » in the English PDF`).not.toContain(french);
	expect(text).toMatch(/page 1 of \d+/);
});
