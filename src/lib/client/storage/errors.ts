import { storageMessage } from '../../messages/storage.ts';

/** What the app was doing when the browser store failed; named in the message. */
export type StorageAction =
	| 'list'
	| 'read'
	| 'create'
	| 'save_profile'
	| 'save_questionnaires'
	| 'save_answer'
	| 'save_answers'
	| 'duplicate'
	| 'save_review'
	| 'delete'
	| 'import'
	| 'merge'
	| 'upgrade'
	| 'read_tokens'
	| 'save_tokens'
	| 'import_tokens';

/**
 * Why the browser store failed: full (`quota`); closed because another tab opened a newer
 * version (`closed`); newer on disk than this page's code (`newer`, a tab of the updated app
 * upgraded it); missing or refused, as in some private browsing modes (`unavailable`); else
 * `unknown`, with the browser's own words as the detail.
 */
export type StorageErrorKind = 'quota' | 'closed' | 'newer' | 'unavailable' | 'unknown';

/**
 * A storage failure with a message the officer can act on, in the page's language (the
 * language only changes with a reload, so the message is written once, when it is thrown).
 */
export class StorageError extends Error {
	constructor(
		readonly code: StorageErrorKind,
		readonly action: StorageAction,
		readonly detail = '',
		options?: { cause?: unknown }
	) {
		super(storageMessage(code, action, detail), options);
		this.name = 'StorageError';
	}

	/** Tells IndexedDB/Dexie failures apart by `error.name`, as Dexie recommends. */
	static from(e: unknown, action: StorageAction): StorageError {
		if (e instanceof StorageError) return e;
		const name =
			(e as { name?: string; inner?: { name?: string } })?.inner?.name ??
			(e as { name?: string })?.name;
		const kind = kindOf(name);
		const detail = kind === 'unknown' ? (e instanceof Error ? e.message : String(e)) : '';
		return new StorageError(kind, action, detail, { cause: e });
	}
}

function kindOf(name: string | undefined): StorageErrorKind {
	switch (name) {
		case 'QuotaExceededError':
			return 'quota';
		case 'DatabaseClosedError':
			return 'closed';
		case 'VersionError':
			return 'newer';
		case 'MissingAPIError':
		case 'InvalidStateError':
		case 'SecurityError':
			return 'unavailable';
		default:
			return 'unknown';
	}
}
