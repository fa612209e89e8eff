import { repository, type Diagnostic, type Repository } from './storage/repository.ts';
import { downloadFile, fileSlug } from './download.ts';

/**
 * Exports a diagnostic as a versioned JSON file, with its participation tokens and their secrets
 * (so that a colleague or a new computer can still update or withdraw what it sent). The backup
 * module (with zod) loads on demand.
 */
export async function exportDiagnostic(
	d: Diagnostic,
	now = new Date(),
	repo: Pick<Repository, 'getParticipation'> = repository()
): Promise<void> {
	const { toBackup } = await import('../domain/backup.ts');
	const { tokens } = await repo.getParticipation(d.assessment.id);
	const { id: _profileId, updatedAt: _updated, ...profile } = d.profile;
	const { profileId: _p, ...assessment } = d.assessment;
	const file = toBackup({ assessment, profile, answers: d.answers, tokens }, now);
	const date = now.toISOString().slice(0, 10);
	downloadFile(
		`numeriscope-${fileSlug(d.profile.name)}-${date}.json`,
		JSON.stringify(file, null, 2),
		'application/json'
	);
}
