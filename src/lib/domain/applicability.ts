import type { AnswerSet, Response } from './answer.ts';
import { evaluateCondition, referencedQuestions } from './condition.ts';
import type { Profile } from './profile.ts';
import type { Question, Questionnaire } from './questionnaire.ts';

/**
 * Which questions are asked of this territory, given its profile and its answers so far.
 * A question whose condition reads another answer is applicable only once that answer is known
 * (answered, not "je ne sais pas" nor "non applicable", and itself applicable).
 */
export function applicableQuestions(
	q: Questionnaire,
	profile: Partial<Profile>,
	answers: AnswerSet
): Set<string> {
	const applicable = new Set<string>();
	for (const question of evaluationOrder(q)) {
		const ok = evaluateCondition(question.applicableIf, {
			profile,
			response: (id) => (applicable.has(id) ? usable(answers[id]?.response) : undefined)
		});
		if (ok) applicable.add(question.id);
	}
	return applicable;
}

function usable(r: Response | undefined): Response | undefined {
	return r === undefined || r.type === 'dontKnow' || r.type === 'notApplicable' ? undefined : r;
}

const orders = new WeakMap<Questionnaire, readonly Question[]>();

/**
 * Questions sorted so that each comes after the questions its condition reads (coherence
 * guarantees there is no cycle). Cached per questionnaire object.
 */
export function evaluationOrder(q: Questionnaire): readonly Question[] {
	const cached = orders.get(q);
	if (cached) return cached;
	const byId = new Map(q.questions.map((x) => [x.id, x]));
	const done = new Set<string>();
	const order: Question[] = [];
	const visit = (x: Question, depth: number) => {
		if (done.has(x.id) || depth > q.questions.length) return;
		for (const dep of referencedQuestions(x.applicableIf)) {
			const d = byId.get(dep);
			if (d) visit(d, depth + 1);
		}
		if (!done.has(x.id)) {
			done.add(x.id);
			order.push(x);
		}
	};
	q.questions.forEach((x) => visit(x, 0));
	orders.set(q, order);
	return order;
}
