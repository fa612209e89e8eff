import { FORMAT_V2 } from './question-rules.ts';
import type { Questionnaire } from './questionnaire.ts';

/**
 * A legal reference folded for comparison: no accents, lower case, « article » as « art », and
 * only letters, digits and hyphens kept.
 * "CRPA, article L. 312-1-1" → "crpaartl312-1-1", the same as "CRPA art. L312-1-1".
 */
export function normalizeReference(reference: string): string {
	return reference
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\barticles?\b/g, 'art')
		.replace(/[^a-z0-9-]+/g, '');
}

export interface ObligationAsked {
	questionnaireId: string;
	version: number;
	questionIndex: number;
	questionId: string;
	reference: string;
}

/**
 * Obligations asked twice: pairs of questions of the current questionnaires (the latest version
 * of each, from version 2 on) whose legal bases share a reference once normalized. Each
 * obligation must be asked in one question only, or it would count twice in the global score
 * and the obligations table. Each later question is paired with the first that asked it.
 */
export function obligationsAskedTwice(
	questionnaires: readonly Questionnaire[]
): [ObligationAsked, ObligationAsked][] {
	const latest = new Map<string, Questionnaire>();
	for (const q of questionnaires)
		if ((latest.get(q.id)?.version ?? 0) < q.version) latest.set(q.id, q);
	const first = new Map<string, ObligationAsked>();
	const pairs: [ObligationAsked, ObligationAsked][] = [];
	const current = [...latest.values()]
		.filter((q) => q.version >= FORMAT_V2)
		.sort((a, b) => a.id.localeCompare(b.id));
	for (const q of current)
		q.questions.forEach((question, questionIndex) => {
			if (!question.legalBasis) return;
			const asked = {
				questionnaireId: q.id,
				version: q.version,
				questionIndex,
				questionId: question.id,
				reference: question.legalBasis.reference
			};
			const key = normalizeReference(asked.reference);
			const earlier = first.get(key);
			if (earlier) pairs.push([earlier, asked]);
			else first.set(key, asked);
		});
	return pairs;
}
