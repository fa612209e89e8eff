import { m } from '../paraglide/messages.js';
import type { StorageAction, StorageErrorKind } from '../client/storage/errors.ts';

const actions: Record<StorageAction, () => string> = {
	list: m.storage_action_list,
	read: m.storage_action_read,
	create: m.storage_action_create,
	save_profile: m.storage_action_save_profile,
	save_questionnaires: m.storage_action_save_questionnaires,
	save_answer: m.storage_action_save_answer,
	save_answers: m.storage_action_save_answers,
	duplicate: m.storage_action_duplicate,
	save_review: m.storage_action_save_review,
	delete: m.storage_action_delete,
	import: m.storage_action_import,
	merge: m.storage_action_merge,
	upgrade: m.storage_action_upgrade,
	read_tokens: m.storage_action_read_tokens,
	save_tokens: m.storage_action_save_tokens,
	import_tokens: m.storage_action_import_tokens
};

/** « Impossible d'enregistrer la réponse : l'espace de stockage du navigateur est plein… » */
export function storageMessage(kind: StorageErrorKind, action: StorageAction, detail = ''): string {
	const a = actions[action]();
	switch (kind) {
		case 'quota':
			return m.storage_failed_quota({ action: a });
		case 'closed':
			return m.storage_failed_closed({ action: a });
		case 'newer':
			return m.storage_failed_newer({ action: a });
		case 'unavailable':
			return m.storage_failed_unavailable({ action: a });
		case 'unknown':
			return m.storage_failed_unknown({ action: a, detail });
	}
}
