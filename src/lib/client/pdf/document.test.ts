import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../domain/benchmark.ts';
import { buildReport } from '../../domain/report.ts';
import { scoreQuestionnaire } from '../../domain/scoring.ts';
import { answers, choice, questionnaire, single, yesNo, no } from '../../domain/testing.ts';
import { Results } from '../state/results.svelte.ts';
import { openDatabase } from '../storage/db.ts';
import { createRepository } from '../storage/repository.ts';
import { diagnosticDocument, pdfText, type PdfVersion } from './document.ts';

const rec = {
	title: { fr: 'Tester la restauration des sauvegardes', en: 'Test backup restores' },
	why: {
		fr: 'Une sauvegarde jamais restaurée ne protège de rien.',
		en: 'A backup never restored protects nothing.'
	},
	how: { fr: 'Restaurer un dossier chaque trimestre.', en: 'Restore a folder every quarter.' },
	links: [{ label: { fr: 'Cybermalveillance' }, url: 'https://www.cybermalveillance.gouv.fr' }],
	effort: 'low' as const,
	impact: 'high' as const
};
const cyber = questionnaire(
	[
		single('sauvegardes', [0, 50, 100], {
			theme: 'sauvegardes',
			weight: 2,
			recommendations: [rec],
			legalBasis: { reference: 'Loi fictive art. 1', text: { fr: 'Obligation de test.' } },
			text: { fr: 'Les sauvegardes sont-elles testées ?', en: 'Are backups tested?' }
		}),
		yesNo('mfa', {
			theme: 'hygiene',
			recommendations: [{ ...rec, title: { fr: 'Activer la double authentification' } }]
		})
	],
	{ id: 'cybersecurite', title: { fr: 'Cybersécurité', en: 'Cybersecurity' }, sensitive: true }
);
const comment = '« Sauvegardes testées — oui & non » <img src=x onerror=alert(1)>';
const profile = {
	type: 'commune' as const,
	name: 'Saint-Étienne-du-Rouvray',
	code: '76575',
	population: 28000,
	region: '28'
};
const stat = { n: 12, p10: 20, p25: 35, p50: 50, p75: 65, p90: 80 };
const benchmark: Benchmark = {
	questionnaire: 'cybersecurite',
	version: 1,
	pooledVersions: [1],
	campaign: 2026,
	synthetic: true,
	edition: { campaign: 2026, number: 1, publishedAt: '2026-12-15', synthetic: true },
	k: 5,
	requested: { type: 'commune', band: '10000-29999', region: '28' },
	cohort: { type: 'commune', band: '10000-29999' },
	fellBack: true,
	overall: stat,
	themes: { sauvegardes: stat, hygiene: stat }
};

/** The same questionnaire with a third theme: enough spokes for a radar. */
const cyberRadar = questionnaire(
	[
		...cyber.questions.map((q) => ({ ...q, applicableIf: undefined })),
		yesNo('homologation', { theme: 'homologation' })
	],
	{
		id: 'cybersecurite',
		title: { fr: 'Cybersécurité', en: 'Cybersecurity' },
		sensitive: true,
		themes: [
			{ id: 'sauvegardes', title: { fr: 'Sauvegardes et continuité' } },
			{ id: 'hygiene', title: { fr: 'Hygiène informatique' } },
			{ id: 'homologation', title: { fr: 'Homologation des téléservices' } }
		]
	}
);

async function render(
	locale: 'fr' | 'en' = 'fr',
	q = cyber,
	version: PdfVersion = 'restricted',
	given = answers({ sauvegardes: [choice('c1'), { comment }], mfa: no })
): Promise<{
	buffer: Buffer;
	text: string | null;
	pages: (first: number, last: number) => string;
}> {
	const db = openDatabase('pdf-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	const repo = createRepository(db);
	const id = await repo.create(profile, [{ id: 'cybersecurite', version: 1 }]);
	await repo.replaceAnswers(id, { cybersecurite: given });
	const diagnostic = (await repo.get(id))!;
	const results = new Results(diagnostic, [q], [], repo);
	results.benchmarks = { cybersecurite: benchmark };
	const doc = diagnosticDocument({
		profile,
		date: new Date('2026-11-21T10:00:00Z'),
		report: results.report,
		locale,
		version
	});
	// pdfmake in Node, with the standard Helvetica font as in the browser.
	const pdfmake = createRequire(import.meta.url)('pdfmake');
	pdfmake.setFonts({
		Helvetica: {
			normal: 'Helvetica',
			bold: 'Helvetica-Bold',
			italics: 'Helvetica-Oblique',
			bolditalics: 'Helvetica-BoldOblique'
		}
	});
	pdfmake.setUrlAccessPolicy(() => false);
	const buffer: Buffer = await pdfmake.createPdf(doc).getBuffer();
	const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'diagnostic.pdf');
	writeFileSync(file, buffer);
	let text: string | null = null;
	try {
		text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	} catch (e) {
		if (process.env['CI'] === 'true') throw e; // CI installs poppler-utils
	}
	const pages = (first: number, last: number) =>
		execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${first}`, '-l', `${last}`, file, '-'], {
			encoding: 'utf8'
		});
	return { buffer, text, pages };
}

describe('the PDF diagnostic', () => {
	it('holds the territory, the questionnaire, the actions, the comment as typed and the methodology', async () => {
		const { buffer, text } = await render();
		expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
		expect(text, 'pdftotext (poppler-utils) is needed to read the PDF back').not.toBeNull();
		const flat = text!.replace(/\s+/g, ' ');
		expect(flat).toContain('Saint-Étienne-du-Rouvray');
		expect(flat).toContain('Cybersécurité');
		expect(flat).toContain('Par quoi commencer');
		expect(flat).toContain('Tester la restauration des sauvegardes');
		expect(flat).toContain('« Sauvegardes testées — oui & non » <img src=x onerror=alert(1)>');
		expect(flat).toContain('Méthodologie');
		expect(flat).toContain('Données de démonstration');
		expect(flat).toContain('Comparé à 12 territoires');
		expect(flat).toMatch(/page 1 \/ \d+/);
		expect(flat).toContain('Non respectée');
	});

	it('is in English when asked, but for names, legal references and what the officer typed', async () => {
		const { text } = await render('en');
		expect(text, 'pdftotext (poppler-utils) is needed to read the PDF back').not.toBeNull();
		const flat = text!.replace(/\s+/g, ' ');
		for (const expected of [
			'Digital maturity assessment',
			'Saint-Étienne-du-Rouvray',
			'Cybersecurity',
			'Summary for elected members',
			'Where to start',
			'Test backup restores',
			'Legal obligations',
			'Not met',
			'Loi fictive art. 1',
			'Annex: answers and comments',
			'« Sauvegardes testées — oui & non »',
			'Methodology',
			'Demonstration data',
			'Assessment of 21 November 2026'
		])
			expect(flat).toContain(expected);
		expect(flat).toMatch(/page 1 of \d+/);
		for (const french of [
			'Synthèse',
			'Méthodologie',
			'Obligations légales',
			'Non respectée',
			'Pourquoi'
		])
			expect(flat).not.toContain(french);
	});

	it('draws the radar as text and lines (labels whole, the legend), not as a picture', async () => {
		const { buffer, text } = await render('fr', cyberRadar);
		expect(text, 'pdftotext (poppler-utils) is needed to read the PDF back').not.toBeNull();
		const radars = text!.slice(
			text!.indexOf('Le détail, questionnaire par questionnaire'),
			text!.lastIndexOf('Obligations légales')
		);
		const flat = radars.replace(/\s+/g, ' ');
		// The legend and every label, whole (wrapped lines read back in order).
		for (const expected of [
			'Votre territoire',
			'Si le prévu est fait',
			'Pairs : score du milieu',
			'Pairs : moitié centrale',
			'Hygiène informatique',
			'Sauvegardes et continuité',
			'Homologation des téléservices'
		])
			expect(flat).toContain(expected);
		expect(buffer.toString('latin1')).not.toContain('/Subtype /Image');
	});

	it('has headings as a PDF outline', async () => {
		const { buffer } = await render();
		const raw = buffer.toString('latin1');
		expect(raw).toContain('/Outlines');
		expect(raw).toMatch(/\/Count [1-9]/);
	});

	it('says « état du droit au » per questionnaire and names obligations by their short title (v2)', () => {
		const v2 = questionnaire(
			[
				single('sauvegardes', [0, 100], {
					legalBasis: {
						title: { fr: 'Sauvegardes testées', en: 'Tested backups' },
						reference: 'Loi fictive art. 2',
						text: { fr: 'Obligation de test.' },
						url: 'https://www.legifrance.gouv.fr/'
					}
				})
			],
			{ id: 'cybersecurite', version: 2, lawAsOf: '2026-11-30' }
		);
		const given = answers({ sauvegardes: choice('c0') });
		const report = buildReport({
			parts: [
				{
					questionnaire: v2,
					answers: given,
					scores: scoreQuestionnaire(v2, profile, given)
				}
			]
		});
		const doc = (locale: 'fr' | 'en') =>
			JSON.stringify(diagnosticDocument({ profile, date: new Date('2026-12-01'), report, locale }));
		expect(doc('fr')).toContain('Test (version 2) — État du droit au 30 novembre 2026');
		expect(doc('fr')).toContain('Sauvegardes testées');
		expect(doc('en')).toContain('Test (version 2) — Law as it stood on 30 November 2026');
		// The obligations row is named by the short title, not by the question's text.
		expect(doc('en')).toContain('["Tested backups","Loi fictive art. 2","Test","Not met"]');
		expect(doc('fr')).toContain(
			'["Sauvegardes testées","Loi fictive art. 2","Test","Non respectée"]'
		);
	});

	it('keeps French characters and replaces what Helvetica cannot draw', () => {
		expect(pdfText('Œuvre « été » — 5 000 € → ≥ 3')).toBe(
			'Œuvre «\u00a0été\u00a0» — 5 000 € -> >= 3'
		);
		expect(pdfText('漢')).toBe('?');
	});

	it('opens on the synthesis: the priorities, each once, before any detail', async () => {
		const { text, pages } = await render();
		expect(text, 'pdftotext (poppler-utils) is needed to read the PDF back').not.toBeNull();
		const first = pages(1, 1).replace(/\s+/g, ' ');
		for (const expected of [
			'Synthèse pour les élus',
			'Score global',
			'Par quoi commencer',
			'Pourquoi : Une sauvegarde jamais restaurée ne protège de rien.',
			'Premier pas : Restaurer un dossier chaque trimestre.',
			'Activer la double authentification',
			'Points forts',
			'Points faibles',
			'Données de démonstration'
		])
			expect(first).toContain(expected);
		expect(first).not.toContain('Le détail, questionnaire par questionnaire');
		// Each priority once in the synthesis (the plan, in the detail, lists them again).
		expect(first.split('Tester la restauration des sauvegardes')).toHaveLength(2);
		expect(first.split('Activer la double authentification')).toHaveLength(2);
		const flat = text!.replace(/\s+/g, ' ');
		expect(flat.indexOf('Par quoi commencer')).toBeLessThan(
			flat.indexOf('Le détail, questionnaire par questionnaire')
		);
	});

	it('says « Diagnostic incomplet » in the synthesis when too few questions are answered', async () => {
		const { pages } = await render('fr', cyberRadar, 'restricted', answers({ mfa: no }));
		const first = pages(1, 1).replace(/\s+/g, ' ');
		expect(first).toContain('Diagnostic incomplet');
		expect(first).toMatch(/À compléter : Cybersécurité \(2 questions sans réponse\)/);
		const complete = (await render('fr', cyberRadar)).pages(1, 1);
		expect(complete).not.toContain('Diagnostic incomplet');
	});

	it('marks every page of the full version « Diffusion restreinte »', async () => {
		const { text } = await render();
		const pageTexts = text!.split('\f').filter((x) => x.trim() !== '');
		expect(pageTexts.length).toBeGreaterThan(1);
		for (const page of pageTexts) expect(page).toContain('Diffusion restreinte');
	});

	it('leaves the sensitive detail out of the version for wide distribution, and says so', async () => {
		const full = (await render('fr', cyberRadar)).text!.replace(/\s+/g, ' ');
		const { text } = await render('fr', cyberRadar, 'wide');
		const flat = text!.replace(/\s+/g, ' ');
		const secrets = [
			'Les sauvegardes sont-elles testées',
			'Sauvegardes testées — oui & non',
			'Tester la restauration des sauvegardes',
			'Activer la double authentification',
			'Hygiène informatique',
			'Loi fictive art. 1',
			'Non respectée'
		];
		// The full version has them: the test would see them.
		for (const secret of secrets) expect(full).toContain(secret);
		for (const secret of secrets) expect(flat).not.toContain(secret);
		expect(flat).not.toContain('Diffusion restreinte —');
		expect(flat).toContain('Version pour diffusion large');
		expect(flat).toContain(
			'2 actions prioritaires du questionnaire Cybersécurité figurent dans la version à diffusion restreinte.'
		);
		expect(flat).toContain('Deux versions de ce document');
		// Its global score stays.
		expect(flat).toMatch(/Domaine Score sur 100 .* Cybersécurité \d+ \d+ \d+ %/);
	});

	it('spaces French punctuation with no-break spaces, and keeps them in the PDF', () => {
		const nb = '\u00a0';
		expect(pdfText('Questionnaires : « oui » ? non ; bien !')).toBe(
			`Questionnaires${nb}: «${nb}oui${nb}» ? non${nb}; bien${nb}!`.replace(' ?', `${nb}?`)
		);
		expect(pdfText("l'outil, https://x.fr, 10:30")).toBe('l’outil, https://x.fr, 10:30');
		// The narrow no-break space of v2 content: not in WinAnsi, so the plain no-break space.
		expect(pdfText(`5\u202f000${nb}€ ?`)).toBe(`5${nb}000${nb}€${nb}?`);
		const doc = JSON.stringify(
			diagnosticDocument({
				profile,
				date: new Date('2026-12-01'),
				report: buildReport({
					parts: [
						{
							questionnaire: cyber,
							answers: answers({ sauvegardes: choice('c0') }),
							scores: scoreQuestionnaire(cyber, profile, answers({ sauvegardes: choice('c0') }))
						}
					]
				}),
				locale: 'fr'
			})
		);
		expect(doc).toContain(`Pourquoi${nb}:`);
		expect(doc).not.toMatch(/ [:;?!»]/);
		expect(doc).not.toMatch(/« /);
	});
});
