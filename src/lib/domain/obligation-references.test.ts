import { describe, expect, it } from 'vitest';
import { normalizeReference, obligationsAskedTwice } from './obligation-references.ts';
import { questionnaire, yesNo } from './testing.ts';

const basis = (reference: string) => ({
	legalBasis: {
		title: { fr: 'Obligation' },
		reference,
		text: { fr: 'Texte.' },
		url: 'https://www.legifrance.gouv.fr/'
	}
});
const v2 = (id: string, ...questions: ReturnType<typeof yesNo>[]) =>
	questionnaire(questions, { id, version: 2, migration: { from: 1 } });

describe('normalizeReference', () => {
	it.each([
		['CRPA art. L312-1-1', 'crpaartl312-1-1'],
		['CRPA, article L. 312-1-1', 'crpaartl312-1-1'],
		['Règlement (UE) 2016/679 art. 33', 'reglementue2016679art33']
	])('%s → %s', (ref, folded) => expect(normalizeReference(ref)).toBe(folded));
});

describe('obligationsAskedTwice', () => {
	it('pairs two v2 questions, in two questionnaires, citing the same article differently written', () => {
		const pairs = obligationsAskedTwice([
			v2('cybersecurite', yesNo('autre'), yesNo('violation-donnees', basis('RGPD art. 33'))),
			v2('donnees', yesNo('violations-donnees', basis('RGPD, article 33')))
		]);
		expect(pairs).toEqual([
			[
				expect.objectContaining({ questionnaireId: 'cybersecurite', questionIndex: 1 }),
				expect.objectContaining({ questionnaireId: 'donnees', questionId: 'violations-donnees' })
			]
		]);
	});

	it('ignores version 1 and earlier versions still in the catalog', () => {
		const v1 = questionnaire([yesNo('a', basis('RGPD art. 33'))], { id: 'donnees' });
		const other = questionnaire([yesNo('b', basis('RGPD art. 33'))], { id: 'cyber' });
		expect(obligationsAskedTwice([v1, other])).toEqual([]);
		expect(obligationsAskedTwice([v1, v2('donnees', yesNo('a', basis('RGPD art. 33')))])).toEqual(
			[]
		);
	});

	it('finds two questions of one questionnaire; different articles are different obligations', () => {
		const q = v2('d', yesNo('a', basis('CRPA art. L300-4')), yesNo('b', basis('CRPA art. L300-4')));
		expect(obligationsAskedTwice([q])).toHaveLength(1);
		const r = v2('d', yesNo('a', basis('RGPD art. 33')), yesNo('b', basis('RGPD art. 34')));
		expect(obligationsAskedTwice([r])).toEqual([]);
	});
});
