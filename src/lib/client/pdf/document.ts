import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { horizonLabels, type Action } from '../../domain/action-plan.ts';
import type { AnswerSet } from '../../domain/answer.ts';
import { answerLabel } from '../../messages/answer.ts';
import type { Benchmark } from '../../domain/benchmark.ts';
import { cohortLabel, territoryTypeLabel } from '../../messages/territory.ts';
import { localize } from '../../domain/localize.ts';
import type { Obligation } from '../../domain/obligations.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import type { QuestionnaireScores } from '../../domain/scoring.ts';
import type { ResultsView, ViewRow } from '../results-view.ts';

export interface PdfInput {
	profile: Profile;
	date: Date;
	parts: { questionnaire: Questionnaire; answers: AnswerSet; scores: QuestionnaireScores }[];
	view: ResultsView;
	obligations: Obligation[];
	plan: Action[];
	benchmarks: Record<string, Benchmark | null>;
	/** PNG data URLs of the radars: `global` and one per questionnaire id. */
	images: Record<string, string>;
}

/**
 * The standard PDF fonts (Helvetica) encode WinAnsi only: French accents, œ, « », €, — are in it,
 * but not the narrow no-break space of French number formatting nor arrows and maths signs.
 */
export function pdfText(s: string): string {
	return s
		.replace(/[\u202f\u00a0\u2009]/g, ' ')
		.replace(/→/g, '->')
		.replace(/←/g, '<-')
		.replace(/≥/g, '>=')
		.replace(/≤/g, '<=')
		.replace(/[−–]/g, '-')
		.replace(/[▲]/g, '+')
		.replace(/[▼]/g, '-')
		.replace(/×/g, 'x')
		.replace(/÷/g, '/')
		.replace(
			/[^\n\u0020-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
			'?'
		);
}

const t = (s: string | number | null | undefined): string =>
	pdfText(s === null || s === undefined ? '—' : String(s));
const n = (x: number | null | undefined) =>
	x === null || x === undefined ? '—' : String(Math.round(x));
const h1 = (text: string, id: string): Content => ({
	text: t(text),
	style: 'h1',
	outline: true,
	id,
	pageBreak: 'before'
});
const h2 = (text: string, id: string, parent: string): Content => ({
	text: t(text),
	style: 'h2',
	outline: true,
	id,
	outlineParentId: parent
});

function scoreTable(rows: ViewRow[], withPeers: boolean): Content {
	const head = [
		'Axe',
		'Score',
		'Cible',
		'Couverture',
		'Niveau',
		...(withPeers ? ['Médiane pairs', 'Pairs (Q1-Q3)', 'Position'] : [])
	];
	return {
		table: {
			headerRows: 1,
			widths: withPeers ? ['*', 32, 32, 50, 60, 40, 45, 90] : ['*', 40, 40, 60, 80],
			body: [
				head.map((h) => ({ text: h, style: 'th' })),
				...rows.map((r) => [
					t(r.label),
					n(r.score),
					n(r.target),
					r.coverage === null || r.coverage === undefined ? '—' : `${Math.round(r.coverage)} %`,
					t(r.level),
					...(withPeers ? [n(r.median), t(r.band), t(r.position)] : [])
				])
			]
		},
		layout: 'lightHorizontalLines',
		style: 'table'
	};
}

/** The PDF diagnostic for the elected officials, as a pdfmake document definition. */
export function diagnosticDocument(d: PdfInput): TDocumentDefinitions {
	const { profile: p, view } = d;
	const dateText = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(d.date);
	const synthetic = Object.values(d.benchmarks).some((b) => b?.synthetic);
	const themes = view.questionnaires.flatMap((q) =>
		q.rows.filter((r) => r.score !== null).map((r) => ({ ...r, q: q.title }))
	);
	const strengths = [...themes].sort((a, b) => b.score! - a.score!).slice(0, 3);
	const weaknesses = [...themes].sort((a, b) => a.score! - b.score!).slice(0, 3);
	const titleOf = (id: string) => view.questionnaires.find((q) => q.id === id)?.title ?? id;
	const demo: Content[] = synthetic
		? [
				{
					text: 'Données de démonstration : les comparaisons avec les pairs utilisent des contributions fictives.',
					style: 'demo'
				}
			]
		: [];

	const content: Content[] = [
		{ text: 'Diagnostic de maturité numérique', style: 'cover', margin: [0, 120, 0, 20] },
		{
			text: t(p.name),
			style: 'coverName',
			outline: true,
			id: 'couverture',
			outlineText: t(`Couverture : ${p.name}`)
		},
		{
			text: t(`${territoryTypeLabel(p.type)}${p.code ? ` (code ${p.code})` : ''}`),
			style: 'coverSub'
		},
		{ text: t(`Diagnostic du ${dateText}`), style: 'coverSub' },
		{ text: 'Questionnaires :', style: 'coverSub', margin: [0, 20, 0, 4] },
		{ ul: view.questionnaires.map((q) => t(`${q.title} (version ${q.version})`)) },
		...demo,

		h1('Synthèse pour les élus', 'synthese'),
		{
			text: t(
				`Score global : ${view.global.score} / 100, niveau « ${view.global.level} » (couverture ${view.global.coverage} %).`
			),
			style: 'lead'
		},
		{ text: 'Points forts', style: 'h3' },
		{ ul: strengths.map((s) => t(`${s.label} (${s.q}) : ${n(s.score)}`)) },
		{ text: 'Points faibles', style: 'h3' },
		{ ul: weaknesses.map((s) => t(`${s.label} (${s.q}) : ${n(s.score)}`)) },
		{ text: 'Cinq actions prioritaires', style: 'h3' },
		{
			ol: d.plan
				.slice(0, 5)
				.map((a) =>
					t(
						`${localize(a.recommendation.title)} — ${titleOf(a.questionnaireId)}${a.obligation ? ' (obligation non respectée)' : ''}`
					)
				)
		},

		h1('Profils radar', 'radars'),
		...radar(
			d.images['global'],
			'Profil global par questionnaire',
			view.globalSummary,
			'radar-global',
			'radars'
		),
		...view.questionnaires.flatMap((q) =>
			radar(d.images[q.id], `${q.title} par thème`, q.summary, `radar-${q.id}`, 'radars')
		),

		h1('Scores par questionnaire', 'scores'),
		scoreTable(
			view.globalRows,
			view.globalRows.some((r) => r.median !== undefined)
		),
		...view.questionnaires.flatMap((q): Content[] => {
			const b = d.benchmarks[q.id];
			return [
				h2(`${q.title} : ${q.score} / 100 (${q.level})`, `scores-${q.id}`, 'scores'),
				...(q.lowCoverage
					? [{ text: 'Couverture inférieure à 70 % : score peu fiable.', style: 'warn' } as Content]
					: []),
				{ text: t(peerText(b)), style: 'small' },
				scoreTable(
					q.rows,
					q.rows.some((r) => r.median !== undefined)
				)
			];
		}),

		h1('Obligations légales', 'obligations'),
		d.obligations.length === 0
			? {
					text: "Aucune obligation légale ne s'applique à ce profil dans les questionnaires remplis."
				}
			: {
					table: {
						headerRows: 1,
						widths: ['*', 120, 80],
						body: [
							['Obligation', 'Fondement', 'État'].map((h) => ({ text: h, style: 'th' })),
							...d.obligations.map((o) => [
								t(localize(o.question.text)),
								t(o.question.legalBasis?.reference),
								t(statusLabel[o.status])
							])
						]
					},
					layout: 'lightHorizontalLines',
					style: 'table'
				},

		h1("Plan d'action", 'plan'),
		...(['now', '6months', '12months'] as const).flatMap((horizon): Content[] => {
			const group = d.plan.filter((a) => a.horizon === horizon);
			if (group.length === 0) return [];
			return [
				h2(`${horizonLabels[horizon]} (${group.length})`, `plan-${horizon}`, 'plan'),
				{
					ol: group.map((a) => ({
						stack: [
							{
								text: t(
									localize(a.recommendation.title) +
										(a.obligation ? ' — obligation non respectée' : '')
								),
								bold: true
							},
							{
								text: t(`${titleOf(a.questionnaireId)} — ${localize(a.question.text)}`),
								style: 'small'
							},
							{ text: t(`Pourquoi : ${localize(a.recommendation.why)}`) },
							{ text: t(`Comment : ${localize(a.recommendation.how)}`) },
							...a.recommendation.links.map((l) => ({
								text: t(`${localize(l.label)} : ${l.url}`),
								style: 'small',
								link: l.url
							}))
						],
						margin: [0, 0, 0, 6]
					}))
				}
			];
		}),

		h1('Annexe : réponses et commentaires', 'annexe'),
		...d.parts.flatMap(({ questionnaire: q, answers, scores }): Content[] => [
			h2(localize(q.title), `annexe-${q.id}`, 'annexe'),
			{
				table: {
					headerRows: 1,
					widths: ['*', 120, 30, 110],
					body: [
						['Question', 'Réponse', 'Points', 'Commentaire'].map((h) => ({ text: h, style: 'th' })),
						...scores.questions
							.filter((r) => r.status !== 'notAsked')
							.map((r) => {
								const question = q.questions.find((x) => x.id === r.questionId)!;
								const a = answers[r.questionId];
								return [
									t(localize(question.text)),
									t(answerLabel(question, a) + (a?.planned ? ' (prévu)' : '')),
									n(r.score),
									t(a?.comment ?? '')
								];
							})
					]
				},
				layout: 'lightHorizontalLines',
				style: 'table'
			}
		]),

		h1('Méthodologie', 'methodologie'),
		...methodology(d, synthetic)
	];

	return {
		info: {
			title: pdfText(`Diagnostic de maturité numérique — ${p.name}`),
			author: 'Numériscope',
			subject: 'Diagnostic de maturité numérique'
		},
		pageSize: 'A4',
		pageMargins: [40, 50, 40, 50],
		defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
		footer: (page, count) => ({
			text: `${pdfText(p.name)} — page ${page} / ${count}`,
			alignment: 'center',
			fontSize: 8,
			margin: [0, 20, 0, 0]
		}),
		content,
		styles: {
			cover: { fontSize: 26, bold: true, color: '#000091' },
			coverName: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
			coverSub: { fontSize: 12 },
			h1: { fontSize: 18, bold: true, color: '#000091', margin: [0, 0, 0, 10] },
			h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
			h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
			lead: { fontSize: 12, margin: [0, 0, 0, 8] },
			th: { bold: true },
			table: { margin: [0, 4, 0, 10], fontSize: 9 },
			small: { fontSize: 8, color: '#3a3a3a' },
			warn: { color: '#8d4400', bold: true },
			demo: { color: '#8d4400', bold: true, margin: [0, 20, 0, 0] }
		}
	};
}

function radar(
	image: string | undefined,
	title: string,
	summary: string,
	id: string,
	parent: string
): Content[] {
	// Heading, image and its text alternative (in the document itself) stay on one page.
	return [
		{
			stack: [
				h2(title, id, parent),
				...(image ? [{ image, width: 440, alignment: 'center' } as Content] : []),
				{ text: t(`Valeurs du graphique : ${summary}.`), style: 'small', margin: [0, 4, 0, 12] }
			],
			unbreakable: true
		}
	];
}

const statusLabel = {
	met: 'Respectée',
	notMet: 'Non respectée',
	unknown: 'Inconnue',
	declaredNotApplicable: 'Non applicable (déclaré)'
};

function peerText(b: Benchmark | null | undefined): string {
	if (!b) return 'Comparaison avec les pairs indisponible.';
	if (!b.cohort || !b.overall)
		return `Pas encore assez de contributions de pairs (au moins ${b.k}).`;
	const cohort = cohortLabel(b.cohort);
	return `Pairs : ${cohort} ; n = ${b.overall.n} ; campagne ${b.campaign}${b.fellBack ? ' (groupe élargi)' : ''}${b.synthetic ? ' ; données de démonstration' : ''}.`;
}

function methodology(d: PdfInput, synthetic: boolean): Content[] {
	const bs = Object.values(d.benchmarks).filter((b): b is Benchmark => !!b);
	const k = bs[0]?.k ?? 5;
	return [
		{ text: 'Scores', style: 'h3' },
		{
			text: t(
				"Chaque question répondue rapporte de 0 à 100 points. Le score d'un thème ou d'un questionnaire est la moyenne des points pondérée par le poids de chaque question, sur les questions qui s'appliquent au territoire et qui ont reçu une réponse ; « je ne sais pas » compte 0 point, « non applicable » sort la question du calcul. La couverture est la part du poids des questions applicables réellement répondues. La cible compte comme faites les actions « prévues dans les 12 mois ». Le score global est la moyenne des scores des questionnaires."
			)
		},
		{ text: 'Comparaison avec les pairs', style: 'h3' },
		{
			text: t(
				`Les pairs sont les collectivités du même type, de la même tranche de population et de la même région ; quand ce groupe compte moins de ${k} contributions (seuil k = ${k}), la comparaison se fait avec un groupe plus large (même type et tranche, puis même type), ce que chaque tableau indique avec n, le nombre de contributions. Seuls des quantiles sont publiés (1er décile, quartiles, médiane, 9e décile), jamais de moyenne ni de contribution individuelle. ${bs.length > 0 ? `Millésime des données : campagne ${bs.map((b) => b.campaign).filter(Boolean)[0] ?? 'non précisée'}.` : ''}`
			)
		},
		...(synthetic
			? [
					{
						text: 'Données de démonstration : les agrégats utilisés sont synthétiques, générés pour montrer le fonctionnement de l’outil.',
						style: 'demo'
					} as Content
				]
			: []),
		{ text: 'Confidentialité', style: 'h3' },
		{
			text: t(
				"Les réponses de ce diagnostic sont restées dans le navigateur de l'agent qui l'a rempli. Ce document a été produit sur son poste, sans serveur."
			)
		}
	];
}
