import type { Answer, AnswerSet, Response } from './answer.ts';
import { askedFlags } from './applicability.ts';
import type { Profile } from './profile.ts';
import { allowsNotApplicable } from './question-rules.ts';
import type { Level, Question, Questionnaire } from './questionnaire.ts';

/** A score with what it rests on. Scores are unrounded; the UI rounds. */
export interface ScoreSummary {
	/** 0–100, or null when no applicable question has been answered. */
	score: number | null;
	/** The score if every item marked "prévu dans les 12 mois" were done. */
	target: number | null;
	/** 0–100: share of the applicable weight with a real answer; null when nothing applies. */
	coverage: number | null;
	level: Level | null;
	/** Scored questions asked (not "non applicable"). */
	applicable: number;
	/** Of those, answered with a real answer (not "je ne sais pas"). */
	answered: number;
}

export type QuestionStatus =
	| 'answered'
	| 'dontKnow'
	| 'notApplicable'
	| 'unanswered'
	/** The stored answer does not fit the question (e.g. a choice that no longer exists). */
	| 'invalid'
	/** The question's condition excludes it for this profile and these answers. */
	| 'notAsked';

export interface QuestionResult {
	questionId: string;
	status: QuestionStatus;
	/** 0–100 for a real answer, 0 for "je ne sais pas", null otherwise. */
	score: number | null;
	planned: boolean;
}

export interface QuestionnaireScores {
	questionnaireId: string;
	version: number;
	overall: ScoreSummary;
	themes: Record<string, ScoreSummary>;
	/** One result per question, in the questionnaire's order. */
	questions: QuestionResult[];
}

/**
 * Points (0–100) that one response gives to one question, or null when it does not fit.
 * - single: the choice's score;
 * - multiple: the sum of the ticked choices' points, capped at 100 (ticks {50, 30, 40} → 100);
 *   its « aucun de ces éléments » choice (`noneOfThese`) scores 0 and only alone (with another
 *   tick the answer does not fit: null);
 * - boolean: `scores.yes` / `scores.no`;
 * - scale: linear, (value − min) / (max − min) × 100 (3 on a 1–5 scale → 50);
 * - number: the score of the last threshold the value reaches; below the first threshold, 0
 *   (thresholds 0→0, 20→50, 80→100: 35 % → 50);
 * - text: never scored.
 */
export function questionScore(question: Question, response: Response): number | null {
	return entryScore(toEntry(question, -1), response);
}

/**
 * A question flattened for scoring: one object shape for every kind, so that scoring a whole
 * assessment stays fast (see tests/bench/scoring.ts). Built once per question object.
 */
interface Entry {
	id: string;
	/** Index of the question's theme in the questionnaire, -1 when unknown. */
	theme: number;
	kind: Question['kind'];
	weight: number;
	scored: boolean;
	plannable: boolean;
	choices: Map<string, number>;
	/** The id of the exclusive « aucun de ces éléments » choice, if any. */
	none: string | null;
	/** « Non applicable » is an answer to this question. */
	notApplicable: boolean;
	yes: number;
	no: number;
	min: number;
	max: number;
	froms: number[];
	points: number[];
}

function toEntry(q: Question, theme: number): Entry {
	return {
		id: q.id,
		theme,
		kind: q.kind,
		weight: q.weight,
		scored: q.kind !== 'text' && q.weight > 0,
		plannable: q.plannable,
		choices: new Map(
			q.kind === 'single' || q.kind === 'multiple' ? q.choices.map((c) => [c.id, c.score]) : []
		),
		none: q.kind === 'multiple' ? (q.noneOfThese?.id ?? null) : null,
		notApplicable: allowsNotApplicable(q),
		yes: q.kind === 'boolean' ? q.scores.yes : 0,
		no: q.kind === 'boolean' ? q.scores.no : 0,
		min: q.kind === 'scale' ? q.scale.min : 0,
		max: q.kind === 'scale' ? q.scale.max : 0,
		froms: q.kind === 'number' ? q.thresholds.map((t) => t.from) : [],
		points: q.kind === 'number' ? q.thresholds.map((t) => t.score) : []
	};
}

const plans = new WeakMap<Questionnaire, Entry[]>();

/** The questionnaire's questions as entries, built once per questionnaire object. */
function plan(q: Questionnaire): Entry[] {
	let entries = plans.get(q);
	if (!entries) {
		const themeIndex = new Map(q.themes.map((t, i) => [t.id, i]));
		entries = q.questions.map((x) => toEntry(x, themeIndex.get(x.theme) ?? -1));
		plans.set(q, entries);
	}
	return entries;
}

function entryScore(e: Entry, response: Response): number | null {
	switch (e.kind) {
		case 'single':
			return response.type === 'choice' ? (e.choices.get(response.choice) ?? null) : null;
		case 'multiple': {
			if (response.type !== 'choices') return null;
			const ticked = response.choices;
			if (e.none !== null && ticked.includes(e.none))
				return ticked.every((c) => c === e.none) ? 0 : null;
			let sum = 0;
			for (let i = 0; i < ticked.length; i++) {
				const points = e.choices.get(ticked[i]!);
				if (points === undefined) return null;
				if (ticked.indexOf(ticked[i]!) === i) sum += points; // a tick counts once
			}
			return Math.min(100, sum);
		}
		case 'boolean':
			return response.type === 'boolean' ? (response.value ? e.yes : e.no) : null;
		case 'scale': {
			if (response.type !== 'number' || !Number.isInteger(response.value)) return null;
			if (response.value < e.min || response.value > e.max) return null;
			return ((response.value - e.min) / (e.max - e.min)) * 100;
		}
		case 'number': {
			if (response.type !== 'number') return null;
			let score = 0;
			for (let i = 0; i < e.froms.length; i++)
				if (response.value >= e.froms[i]!) score = e.points[i]!;
			return score;
		}
		case 'text':
			return null;
	}
}

/** The level a score falls in: the last level whose `min` it reaches (levels are ascending). */
export function levelFor(levels: readonly Level[], score: number | null): Level | null {
	if (score === null) return null;
	let found: Level | null = null;
	for (const l of levels) if (score >= l.min) found = l;
	return found;
}

class Accumulator {
	applicableWeight = 0;
	answeredWeight = 0;
	scoredWeight = 0;
	points = 0;
	targetWeight = 0;
	targetPoints = 0;
	applicable = 0;
	answered = 0;

	summary(levels: readonly Level[]): ScoreSummary {
		const score = this.scoredWeight > 0 ? this.points / this.scoredWeight : null;
		return {
			score,
			target: this.targetWeight > 0 ? this.targetPoints / this.targetWeight : null,
			coverage:
				this.applicableWeight > 0 ? (this.answeredWeight / this.applicableWeight) * 100 : null,
			level: levelFor(levels, score),
			applicable: this.applicable,
			answered: this.answered
		};
	}
}

/**
 * Scores one questionnaire for one territory.
 *
 * For the questions that apply (their condition holds and the answer is not "non applicable",
 * where the question allows that answer: `notApplicable`, see questionnaire.ts; where it does not,
 * the answer is `invalid`), with w the question's weight and s its points:
 * - score    = Σ w·s / Σ w over questions answered or "je ne sais pas" (which scores 0);
 * - coverage = Σ w over questions really answered / Σ w over applicable questions × 100;
 * - target   = the score where each planned item (plannable and marked "prévu") scores 100,
 *              counted even when not answered yet.
 * Unanswered questions are out of the score but lower the coverage.
 *
 * Worked example, one theme, all weights 1 but q3 weighted 2:
 *   q1 = 100, q2 = "je ne sais pas", q3 = 50 (planned), q4 unanswered, q5 "non applicable"
 *   score    = (100 + 0 + 2×50) / (1 + 1 + 2)      = 50
 *   coverage = (1 + 2) / (1 + 1 + 2 + 1) × 100      = 60
 *   target   = (100 + 0 + 2×100) / (1 + 1 + 2)      = 75
 */
export function scoreQuestionnaire(
	q: Questionnaire,
	profile: Partial<Profile>,
	answers: AnswerSet
): QuestionnaireScores {
	const asked = askedFlags(q, profile, answers);
	const entries = plan(q);
	const overall = new Accumulator();
	const themes = q.themes.map(() => new Accumulator());
	const questions: QuestionResult[] = [];
	for (let i = 0; i < entries.length; i++) {
		const entry = entries[i]!;
		const result = assess(entry, answers[entry.id], asked[i]!);
		questions.push(result);
		if (!entry.scored) continue;
		add(overall, entry.weight, result);
		const theme = themes[entry.theme];
		if (theme) add(theme, entry.weight, result);
	}
	const themeScores: Record<string, ScoreSummary> = {};
	q.themes.forEach((t, i) => (themeScores[t.id] = themes[i]!.summary(q.levels)));
	return {
		questionnaireId: q.id,
		version: q.version,
		overall: overall.summary(q.levels),
		themes: themeScores,
		questions
	};
}

function assess(e: Entry, answer: Answer | undefined, asked: boolean): QuestionResult {
	const questionId = e.id;
	const planned = e.plannable && answer?.planned === true;
	if (!asked) return { questionId, status: 'notAsked', score: null, planned: false };
	const r = answer?.response;
	// With a « aucun de ces éléments » choice, nothing ticked is no answer yet.
	if (r === undefined || (e.none !== null && r.type === 'choices' && r.choices.length === 0))
		return { questionId, status: 'unanswered', score: null, planned };
	if (r.type === 'notApplicable')
		return e.notApplicable
			? { questionId, status: 'notApplicable', score: null, planned: false }
			: { questionId, status: 'invalid', score: null, planned };
	if (r.type === 'dontKnow') return { questionId, status: 'dontKnow', score: 0, planned };
	if (e.kind === 'text')
		return {
			questionId,
			status: r.type === 'text' ? 'answered' : 'invalid',
			score: null,
			planned: false
		};
	const score = entryScore(e, r);
	return score === null
		? { questionId, status: 'invalid', score: null, planned }
		: { questionId, status: 'answered', score, planned };
}

function add(acc: Accumulator, w: number, r: QuestionResult) {
	if (r.status === 'notAsked' || r.status === 'notApplicable') return;
	acc.applicable += 1;
	acc.applicableWeight += w;
	if (r.status === 'answered' || r.status === 'dontKnow') {
		const s = r.score ?? 0;
		acc.scoredWeight += w;
		acc.points += w * s;
		acc.targetWeight += w;
		acc.targetPoints += w * (r.planned ? 100 : s);
		if (r.status === 'answered') {
			acc.answered += 1;
			acc.answeredWeight += w;
		}
	} else if (r.planned) {
		acc.targetWeight += w;
		acc.targetPoints += w * 100;
	}
}

/**
 * The global score of a diagnostic: the plain mean of its questionnaires' scores (and targets,
 * and coverages), each questionnaire counting the same whatever its number of questions, so that
 * a long questionnaire does not drown a short one. Questionnaires without a score are left out.
 * Example: données 40, cybersécurité 70, inclusion not started → global 55.
 */
export function scoreGlobal(
	parts: readonly QuestionnaireScores[],
	levels: readonly Level[]
): ScoreSummary {
	const mean = (xs: (number | null)[]) => {
		const known = xs.filter((x): x is number => x !== null);
		return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : null;
	};
	const score = mean(parts.map((p) => p.overall.score));
	return {
		score,
		target: mean(parts.map((p) => p.overall.target)),
		coverage: mean(parts.map((p) => p.overall.coverage)),
		level: levelFor(levels, score),
		applicable: parts.reduce((n, p) => n + p.overall.applicable, 0),
		answered: parts.reduce((n, p) => n + p.overall.answered, 0)
	};
}
