/**
 * Content tests: walk the real questionnaire files and check what makes them usable and true —
 * counts, help, recommendations, legal bases, links, and who is asked what.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applicableQuestions } from '../../src/lib/domain/applicability.ts';
import type { Profile } from '../../src/lib/domain/profile.ts';
import { minScore, type Questionnaire } from '../../src/lib/domain/questionnaire.ts';
import { formatProblem, loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { referenceProfiles } from './profiles.ts';

const expected = {
	donnees: { themes: 5, questions: [18, 30] },
	cybersecurite: { themes: 6, questions: [18, 30] },
	'relation-citoyen': { themes: 5, questions: [18, 30] },
	inclusion: { themes: 4, questions: [10, 20] },
	gouvernance: { themes: 4, questions: [12, 25] }
} as const;
type Id = keyof typeof expected;

const { questionnaires: all, problems } = loadCatalog('questionnaires');
// This file checks version 1; questionnaires-v2.test.ts checks version 2.
const questionnaires = all.filter((q) => q.version === 1);
const byId = new Map(questionnaires.map((q) => [q.id, q]));
const get = (id: Id): Questionnaire => {
	const q = byId.get(id);
	if (!q) throw new Error(`questionnaire "${id}" is missing`);
	return q;
};
const allQuestions = questionnaires.flatMap((q) =>
	q.questions.map((question) => ({ q, question }))
);
const asked = (id: Id, questionId: string, profile: Partial<Profile>) => {
	const q = get(id);
	expect(
		q.questions.some((x) => x.id === questionId),
		`${id} has no question "${questionId}"`
	).toBe(true);
	return applicableQuestions(q, profile, {}).has(questionId);
};

it('the shipped questionnaires (every version) load without a problem', () => {
	expect(problems.map((p) => formatProblem(p))).toEqual([]);
});

describe.each(Object.entries(expected))('%s v1', (id, { themes, questions }) => {
	it(`has at least ${themes} themes and ${questions[0]}–${questions[1]} questions`, () => {
		const q = get(id as Id);
		expect(q.version).toBe(1);
		expect(q.themes.length).toBeGreaterThanOrEqual(themes);
		expect(q.questions.length).toBeGreaterThanOrEqual(questions[0]);
		expect(q.questions.length).toBeLessThanOrEqual(questions[1]);
	});
	it('uses the common five-level ladder', () => {
		expect(get(id as Id).levels.map((l) => `${l.id}@${l.min}`)).toEqual([
			'initial@0',
			'en-construction@20',
			'structure@40',
			'maitrise@60',
			'exemplaire@80'
		]);
	});
});

describe('every question', () => {
	it.each(allQuestions.map(({ q, question }) => [`${q.id}/${question.id}`, question] as const))(
		'%s has French text, help, scored answers and a recommendation for its weakest answer',
		(_, question) => {
			expect(question.text.fr.length).toBeGreaterThan(10);
			expect(question.help?.fr.length ?? 0).toBeGreaterThan(20);
			expect(question.kind).not.toBe('text');
			expect(question.weight).toBeGreaterThan(0);
			const worst = minScore(question)!;
			expect(question.recommendations.some((r) => r.whenScoreBelow > worst)).toBe(true);
			for (const r of question.recommendations) {
				expect(r.why.fr.length).toBeGreaterThan(20);
				expect(r.how.fr.length).toBeGreaterThan(20);
			}
		}
	);
});

describe('legal bases', () => {
	// The obligations this release asks about, and the text each must cite.
	const obligations: [Id, string, RegExp][] = [
		['donnees', 'open-data-defaut', /L312-1-1/],
		['donnees', 'prada', /L330-1/],
		['donnees', 'algorithmes-decisions', /L311-3-1/],
		['donnees', 'subventions-donnees', /2000-321/],
		['donnees', 'marches-decp', /R2196-1/],
		['donnees', 'budget-presentation-synthetique', /2015-991|NOTRe/],
		['donnees', 'dpo-designe', /RGPD art\. 37/],
		['donnees', 'registre-traitements', /RGPD art\. 30/],
		['donnees', 'aipd', /RGPD art\. 35/],
		['donnees', 'bal-publiee', /L2121-30/],
		['cybersecurite', 'homologation-teleservices', /2010-112|RGS/],
		['cybersecurite', 'violation-donnees', /art\. 33/],
		['cybersecurite', 'plainte-72h', /L12-10-1/],
		['relation-citoyen', 'sve-canal', /L112-8/],
		['relation-citoyen', 'publication-actes', /2021-1310/],
		['relation-citoyen', 'teletransmission-actes', /2015-991|NOTRe/],
		['relation-citoyen', 'accessibilite-declaration', /2005-102/],
		['relation-citoyen', 'accessibilite-schema-pluriannuel', /2005-102/],
		['relation-citoyen', 'paiement-en-ligne', /L1611-5-1/],
		['gouvernance', 'reen-strategie', /2021-1485/],
		['gouvernance', 'achats-reemploi', /2020-105|AGEC/]
	];
	it.each(obligations)('%s/%s cites its legal basis', (id, questionId, reference) => {
		const question = get(id).questions.find((x) => x.id === questionId);
		expect(question, `${id}/${questionId} is missing`).toBeDefined();
		expect(question!.legalBasis?.reference).toMatch(reference);
		expect(question!.legalBasis!.text.fr.length).toBeGreaterThan(20);
	});

	it('no question without a legal basis presents itself as an obligation', () => {
		const claims =
			/\b(est|sont) (une )?obligatoires?\b|\bla loi (impose|oblige|exige)\b|\bobligation légale\b/i;
		const denied = /\b(pas|aucune?|sans|même sans|hors de toute) (une )?obligat/i;
		const offenders = allQuestions
			.filter(({ question }) => !question.legalBasis)
			.filter(({ question }) => claims.test(question.text.fr) && !denied.test(question.text.fr))
			.map(({ q, question }) => `${q.id}/${question.id}`);
		expect(offenders).toEqual([]);
	});

	it('every link is https', () => {
		const urls = allQuestions.flatMap(({ question }) => [
			...(question.legalBasis?.url ? [question.legalBasis.url] : []),
			...question.recommendations.flatMap((r) => r.links.map((l) => l.url))
		]);
		expect(urls.length).toBeGreaterThan(50);
		for (const url of urls) expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
	});
});

describe('applicability on the seven reference territories', () => {
	beforeAll(() => {
		// Printed for reviewers: how many questions each territory is asked, per questionnaire.
		const rows = Object.entries(referenceProfiles).map(([name, profile]) => ({
			territoire: name,
			...Object.fromEntries(
				questionnaires.map((q) => [q.id, applicableQuestions(q, profile, {}).size])
			)
		}));
		console.table(rows);
	});

	it.each(
		questionnaires.flatMap((q) =>
			Object.entries(referenceProfiles).map(([name, profile]) => [q.id, name, q, profile] as const)
		)
	)('%s: every theme keeps at least 3 questions for %s', (_, __, q, profile) => {
		const applicable = applicableQuestions(q, profile, {});
		for (const theme of q.themes) {
			const n = q.questions.filter((x) => x.theme === theme.id && applicable.has(x.id)).length;
			expect(n, `theme ${theme.id}`).toBeGreaterThanOrEqual(3);
		}
	});

	const p = referenceProfiles;
	const commune = (population: number, agents: Profile['agents'] = '50-249'): Partial<Profile> => ({
		type: 'commune',
		population,
		agents
	});

	it('open data by default: only from 3,500 inhabitants and 50 agents', () => {
		const q = (profile: Partial<Profile>) => asked('donnees', 'open-data-defaut', profile);
		expect(q(p['commune-400'])).toBe(false);
		expect(q(p['commune-4000'])).toBe(false); // 10–49 agents
		expect(q(commune(4000, '50-249'))).toBe(true);
		expect(q(commune(3499))).toBe(false);
		expect(q(commune(3500))).toBe(true);
		for (const name of ['commune-60000', 'cc-25000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(true);
		// the small ones are asked about voluntary publication instead
		expect(asked('donnees', 'publication-volontaire', p['commune-4000'])).toBe(true);
		expect(asked('donnees', 'publication-volontaire', p['commune-60000'])).toBe(false);
	});

	it('REEN strategy: only communes and EPCI of more than 50,000 inhabitants', () => {
		const q = (profile: Partial<Profile>) => asked('gouvernance', 'reen-strategie', profile);
		expect(q(p['commune-60000'])).toBe(true);
		expect(q(p.metropole)).toBe(true);
		expect(q(p['commune-4000'])).toBe(false);
		expect(q(p['cc-25000'])).toBe(false);
		expect(q(p.departement)).toBe(false);
		expect(q(p.region)).toBe(false);
		expect(q(commune(50000))).toBe(false);
		expect(q(commune(50001))).toBe(true);
		expect(q({ type: 'ca', population: 50001 })).toBe(true);
	});

	it('@CTES transmission of acts: communes of more than 50,000, every EPCI, départements and régions', () => {
		const q = (profile: Partial<Profile>) =>
			asked('relation-citoyen', 'teletransmission-actes', profile);
		expect(q(p['commune-400'])).toBe(false);
		expect(q(p['commune-4000'])).toBe(false);
		expect(q(commune(50000))).toBe(false);
		expect(q(p['commune-60000'])).toBe(true);
		for (const name of ['cc-25000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(true);
		expect(q({ type: 'cc', population: 5000 })).toBe(true);
	});

	it('PRADA: communes and EPCI from 10,000 inhabitants, départements and régions', () => {
		const q = (profile: Partial<Profile>) => asked('donnees', 'prada', profile);
		expect(q(p['commune-400'])).toBe(false);
		expect(q(p['commune-4000'])).toBe(false);
		expect(q(commune(9999))).toBe(false);
		expect(q(commune(10000))).toBe(true);
		for (const name of ['commune-60000', 'cc-25000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(true);
	});

	it('electronic publication of acts: communes from 3,500 inhabitants, every EPCI, départements, régions', () => {
		const q = (profile: Partial<Profile>) =>
			asked('relation-citoyen', 'publication-actes', profile);
		expect(q(commune(3499))).toBe(false);
		expect(q(commune(3500))).toBe(true);
		expect(q(p['commune-400'])).toBe(false);
		expect(asked('relation-citoyen', 'publicite-actes-petite-commune', p['commune-400'])).toBe(
			true
		);
		for (const name of ['cc-25000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(true);
	});

	it('a commune of 400 is never asked the obligations of a métropole', () => {
		const big = [
			'open-data-defaut',
			'prada',
			'reen-strategie',
			'teletransmission-actes',
			'teletransmission-budget'
		];
		const small = new Set(
			questionnaires.flatMap((q) => [...applicableQuestions(q, p['commune-400'], {})])
		);
		expect(big.filter((id) => small.has(id))).toEqual([]);
	});
});
