import type { Diagnostic } from './storage/repository.ts';
import { downloadFile, fileSlug } from './download.ts';

/** Exports a diagnostic as a versioned JSON file. The backup module (with zod) loads on demand. */
export async function exportDiagnostic(d: Diagnostic, now = new Date()): Promise<void> {
	const { toBackup } = await import('../domain/backup.ts');
	const { id: _profileId, updatedAt: _updated, ...profile } = d.profile;
	const { profileId: _p, ...assessment } = d.assessment;
	const file = toBackup({ assessment, profile, answers: d.answers }, now);
	const date = now.toISOString().slice(0, 10);
	downloadFile(
		`numeriscope-${fileSlug(d.profile.name)}-${date}.json`,
		JSON.stringify(file, null, 2),
		'application/json'
	);
}
