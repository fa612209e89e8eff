import { describe, expect, it } from 'vitest';
import type { Report } from '../domain/report.ts';
import { cohortTexts, firstSentence, incompleteTexts } from './report.ts';

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
