/**
 * Content tests for version 2 of the five questionnaires (issue 11): the law as it stands on
 * 30 November 2026, thresholds read on the legal population (population totale), one question per
 * obligation, a short title and an https source on every legal basis, French typography, English
 * complete. The profile's `population` is the legal (total) population.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applicableQuestions } from '../../src/lib/domain/applicability.ts';
import type { Profile } from '../../src/lib/domain/profile.ts';
import { minScore, type Questionnaire } from '../../src/lib/domain/questionnaire.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { referenceProfiles } from './profiles.ts';

const ids = ['donnees', 'cybersecurite', 'relation-citoyen', 'inclusion', 'gouvernance'] as const;
type Id = (typeof ids)[number];

const { questionnaires: all } = loadCatalog('questionnaires');
const v2 = all.filter((q) => q.version === 2);
const get = (id: Id): Questionnaire => {
	const q = v2.find((x) => x.id === id);
	if (!q) throw new Error(`questionnaire "${id}" v2 is missing or does not load`);
	return q;
};
const v1 = (id: Id) => all.find((q) => q.id === id && q.version === 1)!;
const allQuestions = v2.flatMap((q) => q.questions.map((question) => ({ q, question })));
const asked = (id: Id, questionId: string, profile: Partial<Profile>) => {
	const q = get(id);
	expect(
		q.questions.some((x) => x.id === questionId),
		`${id} v2 has no question "${questionId}"`
	).toBe(true);
	return applicableQuestions(q, profile, {}).has(questionId);
};

it('every questionnaire has a version 2 dated 30 November 2026', () => {
	for (const id of ids) {
		const q = get(id);
		expect(q.lawAsOf, id).toBe('2026-11-30');
		expect(q.migration?.from, id).toBe(1);
	}
});

it('comparableWith [1] only where every theme keeps the same questions, choices and scores', () => {
	const shape = (q: Questionnaire) =>
		JSON.stringify(
			q.questions.map((x) => [
				x.id,
				x.theme,
				x.weight,
				'choices' in x ? x.choices.map((c) => [c.id, c.score]) : x.kind
			])
		);
	for (const id of ids) {
		const same = shape(get(id)) === shape(v1(id));
		expect(get(id).comparableWith, id).toEqual(same ? [1] : []);
	}
	expect(get('inclusion').comparableWith).toEqual([1]);
});

describe('legal bases', () => {
	const legal = allQuestions.filter(({ question }) => question.legalBasis);

	it.each(legal.map(({ q, question }) => [`${q.id}/${question.id}`, question] as const))(
		'%s has a short title in both languages and an https source',
		(_, question) => {
			const title = question.legalBasis!.title;
			expect(title?.fr?.length ?? 0).toBeGreaterThan(3);
			expect(title?.fr?.length ?? 0).toBeLessThanOrEqual(80);
			expect(title?.en?.length ?? 0).toBeGreaterThan(3);
			expect(question.legalBasis!.url).toMatch(/^https:\/\//);
		}
	);

	it('every obligation is asked in one question only', () => {
		const norm = (r: string) =>
			r
				.toLowerCase()
				.replace(/[\s\u00a0\u202f]+/g, ' ')
				.trim();
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const { q, question } of legal) {
			const key = norm(question.legalBasis!.reference);
			const where = `${q.id}/${question.id}`;
			if (seen.has(key)) twice.push(`${seen.get(key)} and ${where}`);
			seen.set(key, where);
		}
		expect(twice).toEqual([]);
	});

	it('the duplicates of v1 are asked once: breach notification, open formats, processor contracts', () => {
		const where = (re: RegExp) =>
			legal.filter(({ question }) => re.test(question.legalBasis!.reference)).map(({ q }) => q.id);
		expect(where(/art\. 33/)).toEqual(['donnees']);
		expect(where(/art\. 28\b/)).toEqual(['donnees']);
		expect(where(/L300-4/)).toEqual(['donnees']);
		expect(get('cybersecurite').migration?.removed).toEqual(
			expect.arrayContaining(['violation-donnees', 'prestataires-securite'])
		);
		expect(get('gouvernance').migration?.removed).toEqual(['formats-ouverts']);
	});

	// The obligations this release asks about, and the text each must cite.
	const obligations: [Id, string, RegExp][] = [
		['donnees', 'open-data-defaut', /L312-1-1/],
		['donnees', 'prada', /L330-1/],
		['donnees', 'algorithmes-decisions', /L311-3-1/],
		['donnees', 'formats-ouverts', /L300-4/],
		['donnees', 'subventions-donnees', /2000-321/],
		['donnees', 'marches-decp', /R2196-1/],
		['donnees', 'budget-presentation-synthetique', /2015-991|NOTRe/],
		['donnees', 'budget-rob-en-ligne', /2015-991|NOTRe/],
		['donnees', 'dpo-designe', /RGPD art\. 37/],
		['donnees', 'registre-traitements', /RGPD art\. 30/],
		['donnees', 'aipd', /RGPD art\. 35/],
		['donnees', 'violations-donnees', /art\. 33/],
		['donnees', 'sous-traitants', /art\. 28/],
		['donnees', 'bal-publiee', /L2121-30/],
		['donnees', 'geoportail-urbanisme', /L143-24.*L153-23/],
		['donnees', 'donnees-geo-metadonnees', /environnement art\. L127-1/],
		['donnees', 'archivage-electronique', /patrimoine/],
		['cybersecurite', 'homologation-teleservices', /2010-112|RGS/],
		['cybersecurite', 'plainte-72h', /L12-10-1/],
		['relation-citoyen', 'sve-canal', /L112-8/],
		['relation-citoyen', 'urbanisme-depot-personnes-morales', /R423-2-1/],
		['relation-citoyen', 'factures-electroniques', /L2192-1/],
		['relation-citoyen', 'publication-actes', /2021-1310/],
		['relation-citoyen', 'pv-liste-deliberations', /L2121-15.*L2121-25/],
		['relation-citoyen', 'teletransmission-actes', /2015-991|NOTRe/],
		['relation-citoyen', 'accessibilite-declaration', /2005-102/],
		['relation-citoyen', 'paiement-en-ligne', /L1611-5-1/],
		['gouvernance', 'reen-strategie', /2021-1485/],
		['gouvernance', 'achats-reemploi', /2024-134/],
		['gouvernance', 'fin-de-vie-equipements', /2023-266/],
		['gouvernance', 'ia-maitrise-agents', /2024\/1689.*art\. 4/],
		['gouvernance', 'ia-pratiques-interdites', /2024\/1689.*art\. 5/],
		['inclusion', 'alternative-demarches', /452798/]
	];
	it.each(obligations)('%s/%s cites its legal basis', (id, questionId, reference) => {
		const question = get(id).questions.find((x) => x.id === questionId);
		expect(question, `${id}/${questionId} is missing`).toBeDefined();
		expect(question!.legalBasis?.reference).toMatch(reference);
		expect(question!.legalBasis!.text.fr.length).toBeGreaterThan(20);
	});

	it('no superseded text or dated figure is left: décret 2021-254, a 2025 budget, « prada@ » cut short', () => {
		const text = JSON.stringify(v2);
		expect(text).not.toMatch(/décret 2021-254 fixe/);
		expect(
			JSON.stringify(get('gouvernance').questions.find((x) => x.id === 'achats-reemploi'))
		).not.toMatch(/"reference":"[^"]*2021-254/);
		expect(JSON.stringify(get('inclusion'))).not.toMatch(/millions? d'euros/);
		expect(text).not.toMatch(/«\s*prada@\s*»/);
		expect(
			JSON.stringify(get('donnees').questions.find((x) => x.id === 'marches-decp'))
		).not.toMatch(/40[\s\u202f\u00a0]?000/);
	});

	it('NIS2 is preparation, dated, without a legal basis', () => {
		const nis2 = get('cybersecurite').questions.filter((x) => x.theme === 'nis2');
		for (const x of nis2) expect(x.legalBasis, x.id).toBeUndefined();
		const help = nis2.find((x) => x.id === 'nis2-statut')!.help!.fr;
		expect(help).toMatch(/30 novembre 2026/);
		expect(help).toMatch(/toutes les communautés de communes/);
	});
});

describe('every question', () => {
	it.each(allQuestions.map(({ q, question }) => [`${q.id}/${question.id}`, question] as const))(
		'%s has French and English text, help, scored answers and a recommendation for its weakest answer',
		(_, question) => {
			expect(question.text.fr.length).toBeGreaterThan(10);
			expect(question.text.en?.length ?? 0).toBeGreaterThan(10);
			expect(question.help?.fr.length ?? 0).toBeGreaterThan(20);
			expect(question.help?.en?.length ?? 0).toBeGreaterThan(20);
			expect(question.weight).toBeGreaterThan(0);
			const worst = minScore(question)!;
			expect(question.recommendations.some((r) => r.whenScoreBelow > worst)).toBe(true);
		}
	);

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

	it('a help text that invites « non applicable » is on a question that offers it', () => {
		const offenders = allQuestions
			.filter(({ question }) => /non[\s\u00a0\u202f]+applicable/.test(question.help?.fr ?? ''))
			.filter(({ question }) => question.notApplicable !== true)
			.map(({ q, question }) => `${q.id}/${question.id}`);
		expect(offenders).toEqual([]);
	});
});

describe('French typography', () => {
	/** Every French string of a questionnaire, with where it is. */
	const french = (
		node: unknown,
		path: string,
		out: [string, string][] = []
	): [string, string][] => {
		if (Array.isArray(node)) node.forEach((n, i) => french(n, `${path}.${i}`, out));
		else if (node && typeof node === 'object') {
			const o = node as Record<string, unknown>;
			if (typeof o.fr === 'string') out.push([path, o.fr]);
			for (const [k, v] of Object.entries(o))
				if (k !== 'fr' && k !== 'en') french(v, `${path}.${k}`, out);
		}
		return out;
	};
	it.each(ids)('%s v2: no ordinary space before : ; ? ! » nor after «', (id) => {
		const bad = french(get(id), id)
			.filter(([, s]) => / [:;?!»]|« /.test(s))
			.map(([p, s]) => `${p}: ${s.slice(0, 60)}`);
		expect(bad).toEqual([]);
	});
});

describe('applicability under v2 on the reference territories (population = legal population)', () => {
	const p = referenceProfiles;
	const commune = (population: number, agents: Profile['agents'] = '50-249'): Partial<Profile> => ({
		type: 'commune',
		population,
		agents
	});

	beforeAll(() => {
		console.table(
			Object.entries(referenceProfiles).map(([name, profile]) => ({
				territoire: name,
				...Object.fromEntries(v2.map((q) => [q.id, applicableQuestions(q, profile, {}).size]))
			}))
		);
	});

	it.each(
		v2.flatMap((q) =>
			Object.entries(referenceProfiles).map(([name, profile]) => [q.id, name, q, profile] as const)
		)
	)('%s v2: every theme keeps at least 3 questions for %s', (_, __, q, profile) => {
		const applicable = applicableQuestions(q, profile, {});
		for (const theme of q.themes) {
			const n = q.questions.filter((x) => x.theme === theme.id && applicable.has(x.id)).length;
			expect(n, `theme ${theme.id}`).toBeGreaterThanOrEqual(3);
		}
	});

	it('a commune of 3,460 municipal and 3,620 total inhabitants is asked the 3,500 obligations', () => {
		// INSEE population municipale 3,460, population totale 3,620: the legal population is 3,620.
		const legal = commune(3620);
		const at3500: [Id, string][] = [
			['donnees', 'open-data-defaut'],
			['donnees', 'subventions-donnees'],
			['donnees', 'budget-rob-en-ligne'],
			['relation-citoyen', 'publication-actes'],
			['relation-citoyen', 'urbanisme-instruction'],
			['relation-citoyen', 'urbanisme-depot-personnes-morales']
		];
		for (const [id, q] of at3500) expect(asked(id, q, legal), `${id}/${q}`).toBe(true);
		expect(asked('relation-citoyen', 'publicite-actes-petite-commune', legal)).toBe(false);
		expect(asked('donnees', 'publication-volontaire', legal)).toBe(false);
		expect(asked('donnees', 'subventions-liste-volontaire', legal)).toBe(false);
		// Read on its municipal population, the same commune would wrongly escape them.
		for (const [id, q] of at3500) expect(asked(id, q, commune(3460)), `${id}/${q}`).toBe(false);
	});

	it('open data by default: from 3,500 inhabitants and 50 agents', () => {
		const q = (profile: Partial<Profile>) => asked('donnees', 'open-data-defaut', profile);
		expect(q(p['commune-400'])).toBe(false);
		expect(q(p['commune-4000'])).toBe(false); // 10–49 agents
		expect(q(commune(3499))).toBe(false);
		expect(q(commune(3500))).toBe(true);
		for (const name of ['commune-60000', 'cc-25000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(true);
	});

	it('NIS2 preparation: every communauté de communes, communes of more than 30,000', () => {
		const q = (profile: Partial<Profile>) => asked('cybersecurite', 'nis2-preparation', profile);
		expect(q(p['cc-25000'])).toBe(true);
		expect(q({ type: 'cc', population: 4000 })).toBe(true);
		expect(q(commune(30000))).toBe(false);
		expect(q(commune(30001))).toBe(true);
		expect(q(p['commune-4000'])).toBe(false);
		for (const name of ['commune-60000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(true);
	});

	it('electronic filing by legal entities: communes of more than 3,500 only', () => {
		const q = (profile: Partial<Profile>) =>
			asked('relation-citoyen', 'urbanisme-depot-personnes-morales', profile);
		expect(q(commune(3500))).toBe(false);
		expect(q(commune(3501))).toBe(true);
		expect(q(p['commune-400'])).toBe(false);
		expect(q(p['commune-60000'])).toBe(true);
		for (const name of ['cc-25000', 'metropole', 'departement', 'region'] as const)
			expect(q(p[name]), name).toBe(false);
	});

	it('minutes and list of deliberations: communes and intercommunalities, whatever their size', () => {
		const q = (profile: Partial<Profile>) =>
			asked('relation-citoyen', 'pv-liste-deliberations', profile);
		for (const name of [
			'commune-400',
			'commune-4000',
			'commune-60000',
			'cc-25000',
			'metropole'
		] as const)
			expect(q(p[name]), name).toBe(true);
		expect(q(p.departement)).toBe(false);
		expect(q(p.region)).toBe(false);
	});

	it('every territory is asked the duties that apply to all: invoices, AI Act, archives, reuse', () => {
		const everyone: [Id, string][] = [
			['relation-citoyen', 'factures-electroniques'],
			['gouvernance', 'ia-maitrise-agents'],
			['gouvernance', 'ia-pratiques-interdites'],
			['gouvernance', 'fin-de-vie-equipements'],
			['donnees', 'archivage-electronique'],
			['inclusion', 'alternative-demarches']
		];
		for (const [name, profile] of Object.entries(p))
			for (const [id, q] of everyone)
				expect(asked(id, q, profile), `${name}: ${id}/${q}`).toBe(true);
	});

	it('PRADA, REEN and @CTES keep their v1 thresholds', () => {
		expect(asked('donnees', 'prada', commune(9999))).toBe(false);
		expect(asked('donnees', 'prada', commune(10000))).toBe(true);
		expect(asked('gouvernance', 'reen-strategie', commune(50000))).toBe(false);
		expect(asked('gouvernance', 'reen-strategie', commune(50001))).toBe(true);
		expect(asked('relation-citoyen', 'teletransmission-actes', commune(50000))).toBe(false);
		expect(asked('relation-citoyen', 'teletransmission-actes', commune(50001))).toBe(true);
	});

	it('a commune of 400 is never asked the obligations of a métropole', () => {
		const big = [
			'open-data-defaut',
			'prada',
			'reen-strategie',
			'teletransmission-actes',
			'nis2-preparation'
		];
		const small = new Set(v2.flatMap((q) => [...applicableQuestions(q, p['commune-400'], {})]));
		expect(big.filter((id) => small.has(id))).toEqual([]);
	});
});
