import type { Answer } from '../../domain/answer.ts';
import type { NumeriscopeDB, StoredAnswer, StoredAssessment, StoredProfile } from './db.ts';
import type { StorageAction } from './errors.ts';

/*
 * The reads and writes the answering page needs, apart from the rest of the repository
 * (./repository.ts re-exports them): that page, the most used, loads only these.
 */

/** A diagnostic with everything the pages need. */
export interface Diagnostic {
	assessment: StoredAssessment;
	profile: StoredProfile;
	/** Answers by questionnaire id, then question id. */
	answers: Record<string, Record<string, Answer>>;
}

/**
 * Runs `work`; a failure becomes a StorageError naming `what` the app was doing. The error and
 * its texts (every failure, every action, both languages) load with the first failure: the pages
 * do not carry them while all goes well.
 */
export async function run<T>(what: StorageAction, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		// Should the module be gone (the app updated on the server meanwhile), the browser's error.
		const errors = await import('./errors.ts').catch(() => null);
		throw errors ? errors.StorageError.from(e, what) : e;
	}
}

export function getDiagnostic(db: NumeriscopeDB, id: string): Promise<Diagnostic | undefined> {
	return run('read', () =>
		db.transaction('r', db.assessments, db.profiles, db.answers, async () => {
			const assessment = await db.assessments.get(id);
			if (!assessment) return undefined;
			const profile = await db.profiles.get(assessment.profileId);
			if (!profile) return undefined;
			const rows = await db.answers.where('assessmentId').equals(id).toArray();
			return { assessment, profile, answers: groupAnswers(rows) };
		})
	);
}

/** Writes one answer at once (no save button); `undefined` erases it. */
export function saveAnswer(
	db: NumeriscopeDB,
	assessmentId: string,
	questionnaireId: string,
	questionId: string,
	answer: Answer | undefined,
	now = Date.now()
): Promise<void> {
	return run('save_answer', async () => {
		if (answer === undefined) await db.answers.delete([assessmentId, questionnaireId, questionId]);
		else
			await db.answers.put({
				...answer,
				assessmentId,
				questionnaireId,
				questionId,
				updatedAt: now
			});
	});
}

export function groupAnswers(rows: StoredAnswer[]): Record<string, Record<string, Answer>> {
	const out: Record<string, Record<string, Answer>> = {};
	for (const { questionnaireId, questionId, response, comment, planned } of rows) {
		const answer: Answer = {};
		if (response !== undefined) answer.response = response;
		if (comment !== undefined) answer.comment = comment;
		if (planned !== undefined) answer.planned = planned;
		(out[questionnaireId] ??= {})[questionId] = answer;
	}
	return out;
}
