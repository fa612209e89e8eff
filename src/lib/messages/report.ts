/**
 * The report in words, for the results page, the PDF and the CSV alike: every label, status and
 * table of the report comes from here, once, in the reader's language.
 */
import { NOW_LIMIT, type Action, type Horizon } from '../domain/action-plan.ts';
import type { Answer } from '../domain/answer.ts';
import { answerLabel } from './answer.ts';
import { dateText } from './format.ts';
import type { Benchmark } from '../domain/benchmark.ts';
import type { Cohort } from '../domain/cohort.ts';
import { localize, type Locale } from '../domain/localize.ts';
import type { Obligation, ObligationStatus } from '../domain/obligations.ts';
import { legalBasisView } from './legal-basis.ts';
import type { PeerPosition } from '../domain/peer-position.ts';
import { cohortLabel, territoryTypeLabel } from './territory.ts';
import type { TerritoryType } from '../domain/profile.ts';
import type { Question } from '../domain/questionnaire.ts';
import {
	LOW_COVERAGE,
	rounded,
	type Completeness,
	type Figures,
	type Report,
	type ReportPart,
	type ReportRow
} from '../domain/report.ts';
import type { Localized } from '../domain/text.ts';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';

export type { Locale };
const opt = (locale?: Locale) => ({ locale: locale ?? getLocale() });

/** A text of the questionnaires in the reader's language (French where it is not translated). */
export function text(t: Localized, locale: Locale = getLocale()): string {
	return localize(t, locale);
}

/** `fr` when the English reader gets the French text (no translation), for a `lang` attribute. */
export function langOf(t: Localized, locale: Locale = getLocale()): 'fr' | undefined {
	return locale === 'en' && !t.en ? 'fr' : undefined;
}

/** A rounded number, or a dash for "no value". */
export const num = (x: number | null | undefined): string =>
	x === null || x === undefined ? '—' : String(x);

export const percent = (x: number | null | undefined, locale?: Locale): string =>
	x === null || x === undefined ? '—' : m.report_percent({ value: x }, opt(locale));

export function levelText(level: Localized | null, locale?: Locale): string {
	return level ? text(level, locale) : '—';
}

export { dateText } from './format.ts';
export { lawAsOfText } from './law.ts';

const statuses: Record<ObligationStatus, (i: object, o: { locale: Locale }) => string> = {
	met: m.obligation_status_met,
	notMet: m.obligation_status_not_met,
	unknown: m.obligation_status_unknown,
	declaredNotApplicable: m.obligation_status_declared_not_applicable
};
export const obligationStatusText = (s: ObligationStatus, locale?: Locale) =>
	statuses[s]({}, opt(locale));

const horizons: Record<Horizon, (i: object, o: { locale: Locale }) => string> = {
	now: m.plan_horizon_now,
	'6months': m.plan_horizon_6months,
	'12months': m.plan_horizon_12months
};
export const horizonText = (h: Horizon, locale?: Locale) => horizons[h]({}, opt(locale));
export const HORIZONS: readonly Horizon[] = ['now', '6months', '12months'];

const efforts = {
	low: m.plan_effort_low,
	medium: m.plan_effort_medium,
	high: m.plan_effort_high
};
const impacts = {
	low: m.plan_impact_low,
	medium: m.plan_impact_medium,
	high: m.plan_impact_high
};
/** "effort faible, impact fort". */
export function effortImpactText(a: Action, locale?: Locale): string {
	return m.plan_effort_impact(
		{
			effort: efforts[a.recommendation.effort]({}, opt(locale)),
			impact: impacts[a.recommendation.impact]({}, opt(locale))
		},
		opt(locale)
	);
}

const positions: Record<PeerPosition, (i: object, o: { locale: Locale }) => string> = {
	bottomTenth: m.peer_position_bottom_tenth,
	bottomQuarter: m.peer_position_bottom_quarter,
	lowerMiddle: m.peer_position_lower_middle,
	upperMiddle: m.peer_position_upper_middle,
	topQuarter: m.peer_position_top_quarter,
	topTenth: m.peer_position_top_tenth
};
export const peerPositionText = (p: PeerPosition, locale?: Locale) => positions[p]({}, opt(locale));

/** In the page's language, as every label of `territory.ts` (the PDF and CSV are made in it). */
export function territoryTypeText(t: TerritoryType, _locale?: Locale): string {
	return territoryTypeLabel(t);
}

export function cohortText(c: Cohort, _locale?: Locale): string {
	return cohortLabel(c);
}

/** An answer in words, with « (prévu) » when the officer planned it. */
export function answerText(
	question: Question | undefined,
	answer: Answer | undefined,
	locale?: Locale
): string {
	return (
		answerLabel(question, answer) +
		(answer?.planned ? m.report_planned_suffix({}, opt(locale)) : '')
	);
}

/** "Score 62 / 100, niveau En progrès, couverture 65 %." */
export const figuresText = (f: Figures, locale?: Locale) =>
	m.report_figures(
		{ score: num(f.score), level: levelText(f.level, locale), coverage: num(f.coverage) },
		opt(locale)
	);

/**
 * The whole diagnostic in one sentence; while it is incomplete (`complete` false), a provisional
 * score with no level, which does not read as a verdict.
 */
export const globalText = (f: Figures, locale?: Locale, complete = true) =>
	complete
		? m.report_global_figures(
				{
					score: num(f.score),
					level: levelText(f.level, locale),
					coverage: num(f.coverage),
					target: num(f.target)
				},
				opt(locale)
			)
		: m.report_global_provisional({ score: num(f.score), coverage: num(f.coverage) }, opt(locale));

export const lowCoverageText = (locale?: Locale) =>
	m.report_low_coverage({ threshold: LOW_COVERAGE }, opt(locale));

/** The radar's values in one line, its text alternative: "Sauvegardes 50, Hygiène 80". */
export const summaryText = (rows: readonly ReportRow[], locale?: Locale) =>
	rows.map((r) => `${text(r.title, locale)} ${num(r.score)}`).join(', ');

export const radarTitle = (questionnaireTitle: string | null, locale?: Locale) =>
	questionnaireTitle === null
		? m.report_radar_global({}, opt(locale))
		: m.report_radar_questionnaire({ title: questionnaireTitle }, opt(locale));

/** The radar's legend (the page and the PDF draw the same radar). */
export const radarTexts = (locale?: Locale) => {
	const o = opt(locale);
	return {
		territory: m.report_chart_territory({}, o),
		target: m.report_chart_target({}, o),
		median: m.report_chart_peers_median({}, o),
		band: m.report_chart_peers_band({}, o),
		earlier: m.report_chart_earlier({}, o)
	};
};

/** The table beside a radar (and in the PDF): its header and its rows, as text. */
export function scoreTable(rows: readonly ReportRow[], locale?: Locale) {
	const o = opt(locale);
	const peers = rows.some((r) => r.peers);
	const earlier = rows.some((r) => r.earlier !== undefined);
	const head = [
		m.report_col_axis({}, o),
		m.report_col_score({}, o),
		m.report_col_target({}, o),
		m.report_col_coverage({}, o),
		m.report_col_level({}, o),
		...(peers
			? [
					m.report_col_peer_median({}, o),
					m.report_col_peer_band({}, o),
					m.report_col_position({}, o)
				]
			: []),
		...(earlier ? [m.report_col_earlier({}, o)] : [])
	];
	const body = rows.map((r) => ({
		lowCoverage: r.lowCoverage,
		lang: langOf(r.title, o.locale),
		cells: [
			text(r.title, o.locale),
			num(r.score),
			num(r.target),
			percent(r.coverage, o.locale),
			levelText(r.level, o.locale),
			...(peers
				? [
						num(r.peers?.median),
						r.peers ? m.report_peer_band({ p25: r.peers.p25, p75: r.peers.p75 }, o) : '—',
						r.peers?.position ? peerPositionText(r.peers.position, o.locale) : '—'
					]
				: []),
			...(earlier ? [num(r.earlier)] : [])
		]
	}));
	// What the columns mean, in a sentence under the table (more in « Comment lire ces chiffres »).
	const hint = m.report_table_hint({}, o) + (peers ? ' ' + m.report_table_hint_peers({}, o) : '');
	return { head, body, peers, hint };
}

/** What the peer figures of a questionnaire rest on, in one sentence (page and PDF). */
export function peerNoteText(b: Benchmark | null | undefined, locale?: Locale): string {
	const o = opt(locale);
	if (!b) return m.peer_unavailable({}, o);
	if (!b.cohort || !b.overall) return m.peer_too_few({ k: b.k }, o);
	const base = m.peer_cohort(
		{ cohort: cohortText(b.cohort, o.locale), n: b.overall.n, campaign: b.campaign ?? '—' },
		o
	);
	return base + (b.fellBack ? m.peer_fell_back({}, o) : '') + '.';
}

export function peerEditionText(b: Benchmark, locale?: Locale): string | null {
	if (!b.edition) return null;
	return m.peer_edition(
		{
			number: b.edition.number,
			campaign: b.edition.campaign,
			date: dateText(new Date(`${b.edition.publishedAt}T00:00:00Z`), locale)
		},
		opt(locale)
	);
}

/** The obligations table: header and rows, as text. */
export function obligationTable(
	items: readonly Obligation[],
	titleOf: (questionnaireId: string) => string,
	locale?: Locale
) {
	const o = opt(locale);
	return {
		head: [
			m.obligation_col_obligation({}, o),
			m.obligation_col_basis({}, o),
			m.obligation_col_questionnaire({}, o),
			m.obligation_col_status({}, o)
		],
		body: items.map((x) => {
			// The obligation's short title (from version 2), or else the question.
			const name = x.question.legalBasis?.title ?? x.question.text;
			return {
				status: x.status,
				lang: langOf(name, o.locale),
				/** The legal basis in full (text, source), for the page. */
				legal: x.question.legalBasis ? legalBasisView(x.question.legalBasis, o.locale) : null,
				cells: [
					text(name, o.locale),
					x.question.legalBasis?.reference ?? '',
					titleOf(x.questionnaireId),
					obligationStatusText(x.status, o.locale)
				]
			};
		})
	};
}

/** The annex of one questionnaire: every question asked, its answer, points and comment. */
export function annexTable(part: ReportPart, locale?: Locale) {
	const o = opt(locale);
	const q = part.questionnaire;
	return {
		head: [
			m.report_col_question({}, o),
			m.report_col_answer({}, o),
			m.report_col_points({}, o),
			m.report_col_comment({}, o)
		],
		body: part.scores.questions
			.filter((r) => r.status !== 'notAsked')
			.map((r) => {
				const question = q.questions.find((x) => x.id === r.questionId);
				const a = part.answers[r.questionId];
				return {
					id: r.questionId,
					lang: question ? langOf(question.text, o.locale) : undefined,
					cells: [
						question ? text(question.text, o.locale) : r.questionId,
						answerText(question, a, o.locale),
						num(rounded(r.score)),
						a?.comment ?? ''
					]
				};
			})
	};
}

/**
 * The first sentence of a text: a recommendation's first step, from its « how ». A sentence ends
 * at . ! or ? before a capitalised word, so that « art. L312-1-1 » does not end one.
 */
export function firstSentence(s: string): string {
	const match = /^.+?[.!?](?=\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'\s]|\s*$)/su.exec(s.trim());
	return (match ? match[0] : s).trim();
}

/** « Par quoi commencer »: each priority as the lines the page, the PDF and the DOCX print. */
export function priorityItems(
	priorities: readonly Action[],
	titleOf: (questionnaireId: string) => string,
	locale?: Locale
) {
	const o = opt(locale);
	return priorities.map((a) => ({
		key: a.key,
		obligation: a.obligation,
		horizon: a.horizon,
		lang: langOf(a.recommendation.title, o.locale),
		title: text(a.recommendation.title, o.locale),
		why: text(a.recommendation.why, o.locale),
		firstStep: firstSentence(text(a.recommendation.how, o.locale)),
		questionnaire: titleOf(a.questionnaireId)
	}));
}

/**
 * What a reader must know when the diagnostic is incomplete: null when it is complete, else a
 * title, a sentence and the list of what is missing.
 */
export function incompleteTexts(
	c: Completeness,
	titleOf: (questionnaireId: string) => string,
	locale?: Locale
): {
	title: string;
	text: string;
	missing: string;
	/** The same list, one item a questionnaire, for a page that links each to its questions. */
	items: { questionnaireId: string; text: string }[];
	itemsLabel: string;
} | null {
	if (c.complete) return null;
	const o = opt(locale);
	const items = c.missing.map((x) => ({
		questionnaireId: x.questionnaireId,
		text:
			x.unanswered === 1
				? m.report_incomplete_missing_one({ title: titleOf(x.questionnaireId) }, o)
				: m.report_incomplete_missing_other(
						{ title: titleOf(x.questionnaireId), count: x.unanswered },
						o
					)
	}));
	const list = items.map((x) => x.text).join(', ');
	return {
		title: m.report_incomplete_title({}, o),
		text: m.report_incomplete_text({ coverage: num(c.coverage), threshold: LOW_COVERAGE }, o),
		missing: list ? m.report_incomplete_missing({ list }, o) : '',
		items,
		itemsLabel: m.report_incomplete_missing_label({}, o)
	};
}

/**
 * The peers in words: one line per cohort (« Services numériques (12 contributions), Données
 * (9 contributions) : communes de 20 000 à 49 999 habitants, Occitanie »), and a warning when
 * the questionnaires are compared with different cohorts.
 */
export function cohortTexts(
	report: Pick<Report, 'cohorts' | 'parts'>,
	titleOf: (questionnaireId: string) => string,
	locale?: Locale
): { lines: string[]; differ: string | null } {
	const o = opt(locale);
	const n = (id: string) =>
		report.parts.find((p) => p.questionnaire.id === id)?.benchmark?.overall?.n;
	return {
		lines: report.cohorts.map((c) =>
			m.report_cohort_line(
				{
					questionnaires: c.questionnaireIds
						.map((id) => m.report_cohort_questionnaire({ title: titleOf(id), n: n(id) ?? 0 }, o))
						.join(', '),
					cohort: cohortText(c.cohort, o.locale)
				},
				o
			)
		),
		differ: report.cohorts.length > 1 ? m.report_cohorts_differ({}, o) : null
	};
}

/** What each figure means, in a sentence: shown beside the figures, more on demand. */
export const explainTexts = (locale?: Locale) => {
	const o = opt(locale);
	return {
		score: m.report_explain_score({}, o),
		level: m.report_explain_level({}, o),
		coverage: m.report_explain_coverage({ threshold: LOW_COVERAGE }, o),
		target: m.report_explain_target({}, o),
		peers: m.report_explain_peers({}, o)
	};
};

/** The labels of « Par quoi commencer » (page, PDF and DOCX). */
export const priorityTexts = (locale?: Locale) => {
	const o = opt(locale);
	return {
		title: m.report_priorities_title({}, o),
		lead: m.report_priorities_lead({}, o),
		none: m.report_priorities_none({}, o),
		obligation: m.report_priority_obligation({}, o),
		why: m.report_priority_why({}, o),
		firstStep: m.report_priority_first_step({}, o),
		incomplete: m.report_priorities_incomplete({}, o),
		incompleteLink: m.report_priorities_incomplete_link({}, o)
	};
};

/**
 * The action plan's « now » is capped (`NOW_LIMIT`): the mark of an action moved later, and the
 * sentence under the horizon that holds them (page, PDF and DOCX).
 */
export const deferredTexts = (count: number, locale?: Locale) => {
	const o = opt(locale);
	return {
		mark: m.report_plan_deferred({ limit: NOW_LIMIT }, o),
		note: count > 0 ? m.report_plan_deferred_note({ count, limit: NOW_LIMIT }, o) : null
	};
};

/** A label before its value, with the language's colon: « Pourquoi : » (no-break space), "Why:". */
export const labelText = (label: string, locale?: Locale) => m.report_label({ label }, opt(locale));
