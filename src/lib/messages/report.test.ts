import { describe, expect, it } from 'vitest';
import type { Figures, Report, ReportRow } from '../domain/report.ts';
import {
	cohortTexts,
	deferredTexts,
	firstSentence,
	globalText,
	incompleteTexts,
	labelText,
	scoreTable
} from './report.ts';

const titleOf = (id: string) => ({ cyber: 'Cybersécurité', data: 'Données' })[id] ?? id;

describe('firstSentence', () => {
	it('keeps the first sentence of a « how », as the first step', () => {
		expect(firstSentence('Désignez un référent. Puis formez-le.')).toBe('Désignez un référent.');
		expect(firstSentence('Publiez (art. L312-1-1 du CRPA). Ensuite, mettez à jour.')).toBe(
			'Publiez (art. L312-1-1 du CRPA).'
		);
		expect(firstSentence('Quoi ? À vous de voir.')).toBe('Quoi ?');
		expect(firstSentence('Sans point final')).toBe('Sans point final');
	});
});

describe('incompleteTexts', () => {
	it('says nothing of a complete diagnostic', () => {
		expect(
			incompleteTexts({ complete: true, coverage: 80, missing: [] }, titleOf, 'fr')
		).toBeNull();
	});

	it('says plainly that a diagnostic is incomplete and what is missing, in each language', () => {
		const c = {
			complete: false,
			coverage: 12,
			missing: [
				{ questionnaireId: 'cyber', coverage: 0, unanswered: 24 },
				{ questionnaireId: 'data', coverage: 50, unanswered: 1 }
			]
		};
		const fr = incompleteTexts(c, titleOf, 'fr')!;
		expect(fr.title).toBe('Diagnostic incomplet');
		expect(fr.text).toMatch(/^Seuls 12\u202f% des questions/);
		expect(fr.missing).toBe(
			'À compléter\u202f: Cybersécurité (24 questions sans réponse), Données (1 question sans réponse).'
		);
		expect(fr.items).toEqual([
			{ questionnaireId: 'cyber', text: 'Cybersécurité (24 questions sans réponse)' },
			{ questionnaireId: 'data', text: 'Données (1 question sans réponse)' }
		]);
		expect(fr.itemsLabel).toBe('À compléter\u202f:');
		expect(incompleteTexts(c, titleOf, 'en')!.missing).toBe(
			'Still to answer: Cybersécurité (24 unanswered questions), Données (1 unanswered question).'
		);
	});
});

describe('cohortTexts', () => {
	const part = (id: string, n: number) => ({
		questionnaire: { id },
		benchmark: { overall: { n } }
	});
	it('names cohorts in words with their counts, and warns when they differ', () => {
		const report = {
			cohorts: [
				{
					cohort: { type: 'commune', band: '20000-49999', region: '76' },
					questionnaireIds: ['cyber']
				},
				{ cohort: { type: 'commune' }, questionnaireIds: ['data'] }
			],
			parts: [part('cyber', 8), part('data', 60)]
		} as unknown as Report;
		const t = cohortTexts(report, titleOf, 'fr');
		expect(t.lines[0]).toMatch(/^Cybersécurité \(8 contributions\)\u202f: .*Occitanie/);
		expect(t.lines[0]).not.toMatch(/\b76\b/);
		expect(t.lines[1]).toMatch(/^Données \(60 contributions\)\u202f: /);
		expect(t.differ).toMatch(/pas tous comparés aux mêmes pairs/);
		expect(
			cohortTexts({ ...report, cohorts: report.cohorts.slice(0, 1) }, titleOf, 'fr').differ
		).toBeNull();
	});
});

describe('plain words', () => {
	const figures: Figures = { score: 30, target: 40, coverage: 12, lowCoverage: true, level: null };
	it('gives an incomplete diagnostic a provisional score, not a verdict', () => {
		expect(globalText({ ...figures, level: { fr: 'Initial' } }, 'fr')).toMatch(
			/^Score global\u202f: 30\u00a0\/\u00a0100, niveau «\u202fInitial\u202f»/
		);
		const provisional = globalText(figures, 'fr', false);
		expect(provisional).toMatch(/^Score provisoire\u202f: 30\u00a0\/\u00a0100/);
		expect(provisional).not.toMatch(/niveau|cible/);
		expect(globalText(figures, 'en', false)).toMatch(/^Provisional score: 30\/100/);
	});

	it('heads the score tables in words a council member reads, and says what they mean', () => {
		const row = { id: 'a', title: { fr: 'Sauvegardes' }, ...figures } as ReportRow;
		const plain = scoreTable([row], 'fr');
		expect(plain.head).toEqual([
			'Domaine',
			'Score sur 100',
			'Si le prévu est fait',
			'Part répondue',
			'Niveau'
		]);
		expect(plain.hint).toMatch(/^Score sur 100\u202f: ce qui est en place\./);
		expect(plain.hint).not.toMatch(/moitié centrale/);
		const peers = { n: 12, p25: 2, median: 3, p75: 4, position: 'topQuarter' };
		const withPeers = scoreTable([{ ...row, peers } as ReportRow], 'en');
		expect(withPeers.head.slice(5)).toEqual([
			'Peers: middle score',
			'Peers: middle half',
			'Your position'
		]);
		expect(withPeers.hint).toMatch(/The peers’ middle half runs/);
		expect(withPeers.body[0]!.cells.at(-1)).toBe('among the most advanced quarter of your peers');
	});

	it('says honestly that an action was deferred by the cap on « now »', () => {
		expect(deferredTexts(0, 'fr')).toEqual({
			mark: 'Reportée\u202f: «\u202ftout de suite\u202f» est limité à 10 actions',
			note: null
		});
		expect(deferredTexts(3, 'en').note).toMatch(/^Deferred actions \(3\): .*limited to 10 actions/);
		expect(labelText('Pourquoi', 'fr')).toBe('Pourquoi\u202f:');
		expect(labelText('Why', 'en')).toBe('Why:');
	});
});
