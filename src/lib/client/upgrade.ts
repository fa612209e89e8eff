import { migrateAnswers, type MigrationResult } from '../domain/migration.ts';
import type { Questionnaire } from '../domain/questionnaire.ts';
import { loadQuestionnaire } from './catalog.ts';
import type { Diagnostic, Repository } from './storage/repository.ts';
import { repository } from './storage/repository.ts';

export interface UpgradePreview extends MigrationResult {
	target: Questionnaire;
}

/** What moving one questionnaire of a diagnostic to a newer version would carry and leave to review. */
export async function previewUpgrade(
	d: Diagnostic,
	questionnaireId: string,
	to: number
): Promise<UpgradePreview> {
	const from = d.assessment.questionnaires.find((q) => q.id === questionnaireId)!.version;
	const versions = await Promise.all(
		Array.from({ length: to - from + 1 }, (_, i) => loadQuestionnaire(questionnaireId, from + i))
	);
	const result = migrateAnswers(d.answers[questionnaireId] ?? {}, versions, from, to);
	return { ...result, target: versions.at(-1)! };
}

/**
 * Applies a previewed upgrade: the answers and the pinned version change together, in one
 * transaction (answers of v2 never stay pinned to v1 after a failure). The comment of an answer
 * listed for review stays on its question, so that nothing the officer typed is lost.
 */
export async function applyUpgrade(
	d: Diagnostic,
	preview: UpgradePreview,
	repo: Repository = repository()
): Promise<void> {
	const { id, version } = preview.target;
	const answers = { ...preview.answers };
	for (const r of preview.report.review)
		if (r.previous?.comment && !answers[r.questionId])
			answers[r.questionId] = { comment: r.previous.comment };
	await repo.changeAnswers(d.assessment.id, {
		answers: { [id]: answers },
		// Only this questionnaire's pin: `d` may predate another questionnaire's upgrade.
		pin: { id, version }
	});
}
