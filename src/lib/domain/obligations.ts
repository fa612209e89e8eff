import { normalizeReference } from './obligation-references.ts';
import type { LegalBasis, Question, Questionnaire } from './questionnaire.ts';
import type { QuestionnaireScores } from './scoring.ts';

export type ObligationStatus = 'met' | 'notMet' | 'unknown' | 'declaredNotApplicable';

export interface Obligation {
	/** The obligation's stable key (`obligationKey`): one obligation, one key, across questionnaires. */
	key: string;
	questionnaireId: string;
	question: Question;
	status: ObligationStatus;
	score: number | null;
	/** The same obligation asked again by later questionnaires (version 1 asked some twice). */
	alsoAskedIn: { questionnaireId: string; question: Question }[];
}

/**
 * The stable key of an obligation: its legal reference without what stands in parentheses,
 * folded as `normalizeReference` does. « RGPD (règlement (UE) 2016/679), art. 33 et 34 » and
 * « RGPD art. 33 et 34 » → `rgpdart33et34`: one obligation, whichever questionnaire asks it.
 */
export function obligationKey(basis: Pick<LegalBasis, 'reference'>): string {
	let reference = basis.reference;
	for (let before = ''; before !== reference;) {
		before = reference;
		reference = reference.replace(/\([^()]*\)/g, ' ');
	}
	return normalizeReference(reference);
}

/**
 * The legal obligations that apply to this territory (questions with a legal basis that its
 * profile and answers make it answer) and whether the answers show them met: met from the
 * legal basis' `metFromScore`, not met below it, unknown when unanswered or "je ne sais pas".
 */
export function obligations(q: Questionnaire, scores: QuestionnaireScores): Obligation[] {
	const results = new Map(scores.questions.map((r) => [r.questionId, r]));
	return q.questions.flatMap((question) => {
		const r = results.get(question.id);
		if (!question.legalBasis || !r || r.status === 'notAsked') return [];
		const status: ObligationStatus =
			r.status === 'notApplicable'
				? 'declaredNotApplicable'
				: r.status === 'answered' && r.score !== null
					? r.score >= question.legalBasis.metFromScore
						? 'met'
						: 'notMet'
					: 'unknown';
		return [
			{
				key: obligationKey(question.legalBasis),
				questionnaireId: q.id,
				question,
				status,
				score: r.score,
				alsoAskedIn: []
			}
		];
	});
}

/** Which status wins when one obligation is asked twice: the one that asks for action. */
const weight: Record<ObligationStatus, number> = {
	notMet: 3,
	unknown: 2,
	met: 1,
	declaredNotApplicable: 0
};

/**
 * The obligations of several questionnaires, each counted once. Within a questionnaire, questions
 * citing one reference ask about different facets of it and all stay. When a later questionnaire
 * cites a reference an earlier one already asked (version 1 asked data-breach notification in both
 * « cybersécurité » and « données »), its questions are the same obligation asked again: they fold
 * into the first, whose status becomes the one that asks for action (not met, then unknown, then
 * met). Example: cybersécurité `violation-donnees` met, données `violations-donnees` not met → one
 * obligation, cybersécurité's, not met, also asked in données.
 */
export function distinctObligations(perQuestionnaire: readonly Obligation[][]): Obligation[] {
	const owner = new Map<string, string>();
	const out: Obligation[] = [];
	const byKey = new Map<string, Obligation>();
	for (const list of perQuestionnaire)
		for (const o of list) {
			const first = owner.get(o.key);
			if (first === undefined || first === o.questionnaireId) {
				owner.set(o.key, o.questionnaireId);
				const copy = { ...o, alsoAskedIn: [] };
				if (!byKey.has(o.key)) byKey.set(o.key, copy);
				out.push(copy);
				continue;
			}
			const kept = byKey.get(o.key)!;
			kept.alsoAskedIn.push({ questionnaireId: o.questionnaireId, question: o.question });
			if (weight[o.status] > weight[kept.status]) {
				kept.status = o.status;
				kept.score = o.score;
			}
		}
	return out;
}
