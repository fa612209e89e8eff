import { actionPlan, priorities, type Action } from './action-plan.ts';
import type { AnswerSet } from './answer.ts';
import type { Benchmark, Statistic } from './benchmark.ts';
import type { Cohort } from './cohort.ts';
import { distinctObligations, obligations, type Obligation } from './obligations.ts';
import { peerPosition, type PeerPosition } from './peer-position.ts';
import type { QuestionnaireProgress } from './progress.ts';
import type { Questionnaire } from './questionnaire.ts';
import { scoreGlobal, type QuestionnaireScores, type ScoreSummary } from './scoring.ts';
import type { Localized } from './text.ts';

/**
 * The report of a diagnostic: what the results page, the PDF and the CSV show, computed once.
 * Numbers here are rounded once (`rounded`) and statuses are codes; turning them into words is
 * `src/lib/messages/report.ts`'s job, in the reader's language.
 */

/** Below this coverage (%), a score rests on too few answers to be trusted. */
export const LOW_COVERAGE = 70;

/**
 * The one rounding of the report: whole points and whole percents, half up (66.5 → 67,
 * 66.49 → 66); no value stays no value. Contributions send these same whole numbers.
 */
export function rounded(x: number | null | undefined): number | null {
	return x === null || x === undefined ? null : Math.round(x);
}

/** Where a score stands among its peers, from the published quantiles (rounded). */
export interface PeerFigures {
	median: number;
	p25: number;
	p75: number;
	/** How many peers the figures rest on: it sets how precise the position may be. */
	n: number;
	/** Null when the territory has no score to place. */
	position: PeerPosition | null;
}

/** A score, rounded, with what it rests on. */
export interface Figures {
	score: number | null;
	target: number | null;
	coverage: number | null;
	/** Coverage under `LOW_COVERAGE`: the score is shown with a warning. */
	lowCoverage: boolean;
	level: Localized | null;
}

/** One row of a score table and one spoke of a radar: a theme, or a questionnaire. */
export interface ReportRow extends Figures {
	id: string;
	title: Localized;
	/** Present when peer figures were loaded for the row's questionnaire. */
	peers?: PeerFigures | null;
	/** Present when an earlier diagnostic is being compared. */
	earlier?: number | null;
}

export interface ReportPart {
	questionnaire: Questionnaire;
	answers: AnswerSet;
	/** Unrounded, one result per question (the annex). */
	scores: QuestionnaireScores;
	/** The questionnaire as a whole: its row in the global table. */
	overall: ReportRow;
	themes: ReportRow[];
	/** Undefined while loading, null when unavailable (offline). */
	benchmark: Benchmark | null | undefined;
}

export interface Highlight {
	questionnaireId: string;
	row: ReportRow;
}

/** Whether the answers are enough to read the scores, and what is missing when not. */
export interface Completeness {
	/** The global coverage reaches `LOW_COVERAGE`. */
	complete: boolean;
	coverage: number | null;
	/** The questionnaires under `LOW_COVERAGE`, with the questions asked and not answered yet. */
	missing: { questionnaireId: string; coverage: number | null; unanswered: number }[];
}

export interface Report {
	global: Figures;
	completeness: Completeness;
	parts: ReportPart[];
	/** Each obligation once, even when two questionnaires ask it (`distinctObligations`). */
	obligations: Obligation[];
	plan: Action[];
	/** « Par quoi commencer »: at most five distinct actions from the head of the plan. */
	priorities: Action[];
	/**
	 * The three best- and worst-scored themes across questionnaires, among the themes whose
	 * coverage reaches `LOW_COVERAGE`; no theme is both.
	 */
	strengths: Highlight[];
	weaknesses: Highlight[];
	/**
	 * The cohorts the peer figures describe, one per questionnaire with figures, the same cohort
	 * once: more than one means the questionnaires are compared with different peers.
	 */
	cohorts: { cohort: Cohort; questionnaireIds: string[] }[];
	/** Some peer figures come from the demo (synthetic) data. */
	synthetic: boolean;
	/** Peer figures were loaded for at least one questionnaire. */
	withPeers: boolean;
	/** An earlier diagnostic is compared. */
	withEarlier: boolean;
}

export interface ReportInput {
	parts: readonly {
		questionnaire: Questionnaire;
		answers: AnswerSet;
		scores: QuestionnaireScores;
	}[];
	/** Peer figures by questionnaire id (missing: not loaded yet; null: unavailable). */
	benchmarks?: Record<string, Benchmark | null>;
	/** The comparison with an earlier diagnostic, when one is chosen. */
	progress?: readonly QuestionnaireProgress[] | null;
}

function figures(s: ScoreSummary): Figures {
	return {
		score: rounded(s.score),
		target: rounded(s.target),
		coverage: rounded(s.coverage),
		lowCoverage: s.coverage !== null && s.coverage < LOW_COVERAGE,
		level: s.level ? s.level.label : null
	};
}

function row(
	id: string,
	title: Localized,
	s: ScoreSummary,
	peers: Statistic | null | undefined | false,
	earlier: number | null | undefined | false
): ReportRow {
	return {
		id,
		title,
		...figures(s),
		...(peers === false
			? {}
			: {
					peers: peers
						? {
								median: Math.round(peers.p50),
								p25: Math.round(peers.p25),
								p75: Math.round(peers.p75),
								n: peers.n,
								position: s.score === null ? null : peerPosition(s.score, peers)
							}
						: null
				}),
		...(earlier === false ? {} : { earlier: rounded(earlier) })
	};
}

/**
 * Builds the report. Example: one questionnaire scored 62.4 (coverage 65.2) with peers at
 * p25 40 / p50 55 / p75 70 → its row says score 62, coverage 65, `lowCoverage` (under 70),
 * peers { median 55, p25 40, p75 70, position `p50to75` }.
 */
export function buildReport(input: ReportInput): Report {
	const benchmarks = input.benchmarks ?? {};
	const progress = input.progress ?? null;
	const parts: ReportPart[] = input.parts.map(({ questionnaire: q, answers, scores }) => {
		const b = benchmarks[q.id];
		const earlier = progress?.find((p) => p.questionnaireId === q.id);
		return {
			questionnaire: q,
			answers,
			scores,
			benchmark: b,
			overall: row(
				q.id,
				q.title,
				scores.overall,
				!!b && b.overall,
				!!earlier && earlier.before.score
			),
			themes: q.themes.map((t) =>
				row(
					t.id,
					t.title,
					scores.themes[t.id]!,
					!!b && (b.themes[t.id] ?? null),
					!!earlier && (earlier.themes.find((x) => x.themeId === t.id)?.before ?? null)
				)
			)
		};
	});
	const global = scoreGlobal(
		parts.map((p) => p.scores),
		parts[0]?.questionnaire.levels ?? []
	);
	const themes = parts.flatMap((p) =>
		p.themes
			.filter((r) => r.score !== null && !r.lowCoverage)
			.map((r) => ({ questionnaireId: p.questionnaire.id, row: r }))
	);
	const strengths = [...themes].sort((a, b) => b.row.score! - a.row.score!).slice(0, 3);
	const weaknesses = [...themes]
		.filter((h) => !strengths.includes(h))
		.sort((a, b) => a.row.score! - b.row.score!)
		.slice(0, 3);
	const plan = actionPlan(parts);
	const globalFigures = figures(global);
	const cohorts: Report['cohorts'] = [];
	for (const p of parts) {
		const c = p.benchmark?.overall ? p.benchmark.cohort : null;
		if (!c) continue;
		const same = cohorts.find(
			(x) => x.cohort.type === c.type && x.cohort.band === c.band && x.cohort.region === c.region
		);
		if (same) same.questionnaireIds.push(p.questionnaire.id);
		else cohorts.push({ cohort: c, questionnaireIds: [p.questionnaire.id] });
	}
	return {
		global: globalFigures,
		completeness: {
			complete: globalFigures.coverage !== null && globalFigures.coverage >= LOW_COVERAGE,
			coverage: globalFigures.coverage,
			missing: parts
				.filter((p) => p.overall.coverage === null || p.overall.lowCoverage)
				.map((p) => ({
					questionnaireId: p.questionnaire.id,
					coverage: p.overall.coverage,
					unanswered: p.scores.questions.filter(
						(r) => r.status === 'unanswered' || r.status === 'invalid'
					).length
				}))
		},
		parts,
		obligations: distinctObligations(parts.map((p) => obligations(p.questionnaire, p.scores))),
		plan,
		priorities: priorities(plan),
		strengths,
		weaknesses,
		cohorts,
		synthetic: parts.some((p) => p.benchmark?.synthetic),
		withPeers: parts.some((p) => !!p.benchmark?.overall),
		withEarlier: progress !== null
	};
}
