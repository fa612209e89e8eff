import type { Profile } from '../domain/profile.ts';
import type { PinnedQuestionnaire } from './storage/db.ts';
import { requestPersistence } from './storage/persist.ts';
import { repository, type Repository } from './storage/repository.ts';

/*
 * The writes a page makes on a diagnostic, so that pages and components never import the
 * storage modules (docs/architecture.md, "Boundaries").
 */

/** Creates a diagnostic; the first one also asks the browser to keep this site's storage. */
export async function createDiagnostic(
	profile: Profile,
	questionnaires: PinnedQuestionnaire[],
	repo: Repository = repository()
): Promise<string> {
	const id = await repo.create(profile, questionnaires);
	// Best effort: a refusal or a failure leaves the storage as it is, and the diagnostic is saved.
	requestPersistence(repo).catch(() => undefined);
	return id;
}

export function saveProfile(
	id: string,
	profile: Profile,
	repo: Repository = repository()
): Promise<void> {
	return repo.updateProfile(id, profile);
}
