import { describe, expect, it } from 'vitest';
import { problemsFromZod, formatPath } from './problem.ts';
import {
	allChoices,
	allowsNotApplicable,
	questionnaireSchema,
	tickChoice,
	type Question
} from './questionnaire.ts';
import { multiple, questionnaireInput, single, yesNo } from './testing.ts';

const legalBasis = {
	title: { fr: 'Ouverture des données' },
	reference: 'CRPA art. L312-1-1',
	text: { fr: 'Publier les données.' },
	url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205514'
};
const v2 = { version: 2, lawAsOf: '2026-11-30', migration: { from: 1 } };

function problems(input: unknown): string[] {
	const r = questionnaireSchema.safeParse(input);
	return r.success
		? []
		: problemsFromZod(r.error).map((p) => `${formatPath(p.path)}: ${p.message}`);
}

describe('format v2: fields required from version 2', () => {
	it('accepts a v2 questionnaire with lawAsOf and complete legal bases', () => {
		expect(problems(questionnaireInput([yesNo('q', { legalBasis })], v2))).toEqual([]);
	});

	it('names lawAsOf, legalBasis.title and legalBasis.url when a v2 lacks them', () => {
		const { title: _t, url: _u, ...bare } = legalBasis;
		const noDate = { ...v2, lawAsOf: undefined };
		expect(problems(questionnaireInput([yesNo('q', { legalBasis: bare })], noDate))).toEqual([
			'lawAsOf: lawAsOf is missing: the « état du droit au » date, e.g. 2026-11-30 (required from version 2)',
			'questions.0.legalBasis.title: legalBasis.title of "q" is missing: the obligation\'s short title for the obligations table (required from version 2)',
			'questions.0.legalBasis.url: legalBasis.url of "q" is missing: the https address of the legal text (required from version 2)'
		]);
	});

	it('leaves version 1 files as they were: none of these is required', () => {
		const { title: _t, url: _u, ...bare } = legalBasis;
		expect(problems(questionnaireInput([yesNo('q', { legalBasis: bare })]))).toEqual([]);
	});

	it('rejects a lawAsOf that is not a YYYY-MM-DD date, naming the field', () => {
		expect(problems(questionnaireInput([yesNo('q')], { ...v2, lawAsOf: '30/11/2026' }))).toEqual([
			expect.stringMatching(/^lawAsOf: lawAsOf is a date written YYYY-MM-DD/)
		]);
	});

	it('rejects a non-https legal source', () => {
		const bad = { ...legalBasis, url: 'http://www.legifrance.gouv.fr/' };
		expect(problems(questionnaireInput([yesNo('q', { legalBasis: bad })], v2))).toEqual([
			'questions.0.legalBasis.url: a link must be an https:// address'
		]);
	});
});

describe('format v2: notApplicable', () => {
	it('is not allowed by default from version 2, allowed when the question says so', () => {
		const q = questionnaireSchema.parse(
			questionnaireInput([yesNo('a'), yesNo('b', { notApplicable: true })], v2)
		);
		expect(q.questions.map(allowsNotApplicable)).toEqual([false, true]);
	});

	it('is allowed by default in version 1, unless the question says otherwise', () => {
		const q = questionnaireSchema.parse(
			questionnaireInput([yesNo('a'), yesNo('b', { notApplicable: false })])
		);
		expect(q.questions.map(allowsNotApplicable)).toEqual([true, false]);
	});

	it('parsing twice gives the same questionnaire (the browser may re-parse the JSON)', () => {
		const once = questionnaireSchema.parse(questionnaireInput([yesNo('a')], v2));
		expect(questionnaireSchema.parse(once)).toEqual(once);
	});
});

describe('format v2: noneOfThese and per-choice recommendations', () => {
	const recommendation = {
		title: { fr: 'Publier le catalogue' },
		why: { fr: 'Pour être trouvé.' },
		how: { fr: 'Sur data.gouv.fr.' },
		effort: 'low',
		impact: 'high'
	};

	it('parses noneOfThese on a multiple question and lists it among its choices, scoring 0', () => {
		const q = questionnaireSchema.parse(
			questionnaireInput([
				multiple('m', [50, 50], { noneOfThese: { id: 'aucun', label: { fr: 'Aucun' } } })
			])
		);
		const m = q.questions[0]!;
		if (m.kind !== 'multiple') throw new Error('multiple expected');
		expect(allChoices(m).map((c) => [c.id, c.score])).toEqual([
			['c0', 50],
			['c1', 50],
			['aucun', 0]
		]);
	});

	it('makes « aucun de ces éléments » exclusive when ticking', () => {
		const q = questionnaireSchema.parse(
			questionnaireInput([
				multiple('m', [50, 50], { noneOfThese: { id: 'aucun', label: { fr: 'Aucun' } } }),
				multiple('sans', [50, 50])
			])
		);
		const [m, sans] = q.questions as [Question, Question];
		expect(tickChoice(m, ['c0', 'c1'], 'aucun', true)).toEqual(['aucun']);
		expect(tickChoice(m, ['aucun'], 'c1', true)).toEqual(['c1']);
		expect(tickChoice(m, ['c0'], 'c1', true)).toEqual(['c0', 'c1']);
		expect(tickChoice(m, ['c0', 'c1'], 'c0', false)).toEqual(['c1']);
		expect(tickChoice(m, ['aucun'], 'aucun', false)).toEqual([]);
		// Without the choice, nothing is exclusive.
		expect(tickChoice(sans, ['c0'], 'c1', true)).toEqual(['c0', 'c1']);
	});

	it('refuses noneOfThese on a single-choice question', () => {
		expect(
			problems(
				questionnaireInput([
					single('s', [0, 100], { noneOfThese: { id: 'aucun', label: { fr: 'Aucun' } } })
				])
			)
		).toEqual([expect.stringMatching(/^questions\.0: Unrecognized key: "noneOfThese"/)]);
	});

	it('parses a per-choice recommendation, with links defaulted and no whenScoreBelow', () => {
		const input = questionnaireInput([single('s', [0, 100])]);
		const s = input.questions[0] as { choices: Record<string, unknown>[] };
		s.choices[0]!['recommendation'] = recommendation;
		const q = questionnaireSchema.parse(input);
		const parsed = q.questions[0]!;
		if (parsed.kind !== 'single') throw new Error('single expected');
		expect(parsed.choices[0]!.recommendation).toEqual({ ...recommendation, links: [] });
		s.choices[0]!['recommendation'] = { ...recommendation, whenScoreBelow: 50 };
		expect(problems(input)).toEqual([
			expect.stringMatching(
				/^questions\.0\.choices\.0\.recommendation: Unrecognized key: "whenScoreBelow"/
			)
		]);
	});
});
