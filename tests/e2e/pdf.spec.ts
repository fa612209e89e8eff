import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { answerAll, expectNoAxeViolations, question, waitSaved } from './helpers.ts';

/**
 * The PDF as the officer gets it: made in Chromium from the results page, in both versions, then
 * read back with poppler (`pdftotext`, `pdftoppm`) as a reader would see it.
 */

const ALL = ['cybersecurite', 'donnees', 'gouvernance', 'inclusion', 'relation-citoyen'];
const SECRET = 'Mot de passe du pare-feu noté sur un post-it';
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Creates a diagnostic from the official list (every questionnaire offered, kept); its id. */
async function create(page: Page, search: string, pick: RegExp): Promise<string> {
	await page.goto('/');
	await page.getByRole('link', { name: 'Nouveau diagnostic' }).click();
	await page.getByLabel('Rechercher votre collectivité').fill(search);
	await page.getByRole('button', { name: pick }).first().click();
	await page.getByLabel('Nombre d’agents').selectOption('250-999');
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await page.waitForURL(/\/diagnostics\/[0-9a-f]{32}$/);
	return page.url().split('/').pop()!;
}

/** Chooses the version on the results page, downloads the PDF to `file`. */
async function download(page: Page, version: 'restricted' | 'wide', file: string) {
	const group = page.getByRole('group', { name: 'Version du PDF' });
	await group
		.getByRole('radio', { name: version === 'wide' ? /Pour diffusion large/ : /Complète/ })
		.check();
	const saved = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Télécharger le diagnostic (PDF)' }).click();
	const d = await saved;
	expect(d.suggestedFilename()).toMatch(
		version === 'wide' ? /-diffusion-large\.pdf$/ : /-diffusion-restreinte\.pdf$/
	);
	await d.saveAs(file);
}

const pdftotext = (file: string, first?: number, last?: number) =>
	execFileSync(
		'pdftotext',
		['-enc', 'UTF-8', ...(first ? ['-f', `${first}`, '-l', `${last}`] : []), file, '-'],
		{ encoding: 'utf8' }
	);

/** The priorities of the synthesis (pages 1–2): the lines « 1. … » to « 5. … » under their title. */
function priorities(synthesis: string): string[] {
	const from = synthesis.slice(synthesis.indexOf('Par quoi commencer'));
	return from
		.split('\n')
		.filter((l) => /^[1-9]\. /.test(l))
		.map((l) => l.replace(/ — Obligation légale.*| \(.*$/, '').trim());
}

/**
 * How far down each page's body the ink goes (header and footer bands left out), from a grey
 * rendering at 40 dpi: a mostly white page stops early.
 */
function pageFill(file: string): number[] {
	const dir = mkdtempSync(join(tmpdir(), 'pdf-pages-'));
	execFileSync('pdftoppm', ['-r', '40', '-gray', file, join(dir, 'p')]);
	return readdirSync(dir)
		.sort()
		.map((f) => {
			const b = readFileSync(join(dir, f));
			const [, w, h] = b.toString('latin1', 0, 30).split(/\s+/).map(Number) as [
				number,
				number,
				number
			];
			const data = b.subarray(b.length - w * h);
			const [top, bottom] = [Math.round(h * 0.07), Math.round(h * 0.93)];
			let last = top;
			for (let y = top; y < bottom; y++)
				if (data.subarray(y * w, (y + 1) * w).some((v) => v < 200)) last = y;
			return (last - top) / (bottom - top);
		});
}

/** Pages as PNG in tests/artifacts/pdf/, to look at. */
function keepPages(file: string, name: string, first: number, last: number) {
	mkdirSync('tests/artifacts/pdf', { recursive: true });
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'60',
		'-f',
		`${first}`,
		'-l',
		`${last}`,
		file,
		`tests/artifacts/pdf/${name}`
	]);
}

/** What the cybersecurity questionnaire asks and proposes, in French: none in the wide PDF. */
function cyberTexts(): { questions: string[]; choices: string[] } {
	const { questionnaires } = loadCatalog('questionnaires');
	const latest = (id: string) =>
		questionnaires.filter((q) => q.id === id).sort((a, b) => b.version - a.version)[0]!;
	const others = new Set(
		ALL.filter((id) => id !== 'cybersecurite').flatMap((id) =>
			latest(id).questions.flatMap((q) =>
				'choices' in q ? q.choices.map((c) => flat(c.label.fr)) : []
			)
		)
	);
	const cyber = latest('cybersecurite');
	return {
		questions: cyber.questions.map((q) => flat(q.text.fr)),
		// Answers of its own (« Oui », « Non » are everyone's).
		choices: cyber.questions
			.flatMap((q) => ('choices' in q ? q.choices.map((c) => flat(c.label.fr)) : []))
			.filter((c) => c.length > 25 && !others.has(c))
	};
}

async function checkBoth(page: Page, label: string, outputPath: (name: string) => string) {
	const full = outputPath(`${label}-restreinte.pdf`);
	const wide = outputPath(`${label}-large.pdf`);
	await download(page, 'restricted', full);
	await download(page, 'wide', wide);

	// The synthesis is the first two pages, with the priorities, each once.
	const synthesis = pdftotext(full, 1, 2);
	expect(synthesis).toContain('Synthèse pour les élus');
	expect(flat(synthesis)).toContain('Par quoi commencer');
	expect(flat(synthesis)).toMatch(/Score global : \d+ \/ 100/);
	expect(flat(synthesis)).toContain('État du droit au 30 novembre 2026');
	const listed = priorities(synthesis);
	expect(listed.length).toBeGreaterThan(0);
	expect(listed.length).toBeLessThanOrEqual(5);
	expect(new Set(listed).size, `priorities repeated: ${listed.join(' | ')}`).toBe(listed.length);
	const text = pdftotext(full);
	expect(flat(text).indexOf('Le détail, questionnaire par questionnaire')).toBeGreaterThan(
		flat(text).indexOf('Par quoi commencer')
	);

	// Every page of the full version says it is restricted.
	const pages = text.split('\f').filter((p) => p.trim() !== '');
	for (const [i, p] of pages.entries())
		expect(p, `page ${i + 1} of the full PDF`).toContain('Diffusion restreinte');

	// No cybersecurity question nor answer of its own, nor the comment, in the wide version.
	const wideText = flat(pdftotext(wide));
	const fullText = flat(text);
	const cyber = cyberTexts();
	expect(fullText).toContain(SECRET);
	expect(wideText).not.toContain(SECRET);
	expect(wideText).not.toContain('Diffusion restreinte —');
	expect(wideText).toContain('Version pour diffusion large');
	expect(wideText).toContain('figurent dans la version à diffusion restreinte');
	const inFull = cyber.questions.filter((q) => fullText.includes(q));
	expect(inFull.length, 'the full PDF has the cybersecurity questions').toBeGreaterThan(10);
	for (const q of cyber.questions) expect(wideText, 'a cybersecurity question').not.toContain(q);
	for (const c of cyber.choices) expect(wideText, 'a cybersecurity answer').not.toContain(c);
	// Its overall score stays, in the synthesis table.
	expect(flat(pdftotext(wide, 1, 2))).toMatch(/Cybersécurité \d+ \d+ \d+ %/);

	// No mostly white page (the last one may be short).
	for (const file of [full, wide]) {
		const fill = pageFill(file);
		for (const [i, f] of fill.slice(0, -1).entries())
			expect(f, `${file}: page ${i + 1} filled to ${Math.round(f * 100)} %`).toBeGreaterThan(0.45);
	}
	keepPages(full, `${label}-restreinte`, 1, 6);
	keepPages(wide, `${label}-large`, 1, 3);
}

test.describe('the PDF diagnostic', () => {
	test.describe.configure({ timeout: 420_000 });

	test('for a commune of 32 800: incomplete, then complete, in both versions', async ({
		page
	}, info) => {
		const id = await create(page, 'Agen', /^Agen Commune \(47\)/);
		await answerAll(page, id, 'cybersecurite');
		await page.goto(`/diagnostics/${id}/questionnaires/cybersecurite`);
		const first = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
		await question(page, first).getByLabel('Commentaire (facultatif)').fill(SECRET);
		await waitSaved(page);

		// One questionnaire of five: the synthesis says the diagnostic is incomplete.
		await page.goto(`/diagnostics/${id}/resultats`);
		await expect(page.getByRole('group', { name: 'Version du PDF' })).toBeVisible();
		const early = info.outputPath('incomplet.pdf');
		await download(page, 'restricted', early);
		const synthesis = flat(pdftotext(early, 1, 2));
		expect(synthesis).toContain('Diagnostic incomplet');
		expect(synthesis).toMatch(
			/À compléter\s: .*Inclusion numérique \(\d+ questions sans réponse\)/
		);
		keepPages(early, 'agen-incomplet', 1, 2);

		for (const q of ALL.slice(1)) await answerAll(page, id, q);
		await page.goto(`/diagnostics/${id}/resultats`);
		await expectNoAxeViolations(page);
		await checkBoth(page, 'agen', (n) => info.outputPath(n));
		expect(flat(pdftotext(info.outputPath('agen-restreinte.pdf'), 1, 2))).not.toContain(
			'Diagnostic incomplet'
		);
	});

	test('for an EPCI, the agglomeration of Agen, with all five questionnaires', async ({
		page
	}, info) => {
		const id = await create(page, 'Agglomération d', /Agglomération d.Agen/);
		for (const q of ALL) await answerAll(page, id, q);
		await page.goto(`/diagnostics/${id}/questionnaires/cybersecurite`);
		const first = (await page.locator('fieldset.question').first().getAttribute('data-question'))!;
		await question(page, first).getByLabel('Commentaire (facultatif)').fill(SECRET);
		await waitSaved(page);
		await page.goto(`/diagnostics/${id}/resultats`);
		// The choice of version is a labelled group, reached and changed with the keyboard.
		const restricted = page.getByRole('radio', { name: /Complète/ });
		await expect(restricted).toBeChecked();
		await restricted.focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('radio', { name: /Pour diffusion large/ })).toBeChecked();
		await checkBoth(page, 'agglo-agen', (n) => info.outputPath(n));
	});
});
