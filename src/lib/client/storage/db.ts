import Dexie, { type EntityTable } from 'dexie';
import type { Response } from '../../domain/answer.ts';
import type { Profile } from '../../domain/profile.ts';
import type { BasedOn, Carried } from '../../domain/year.ts';

/** The territory profile of one diagnostic (each diagnostic keeps its own copy). */
export interface StoredProfile extends Profile {
	id: string;
	updatedAt: number;
}

export interface PinnedQuestionnaire {
	id: string;
	version: number;
}

export interface StoredAssessment {
	id: string;
	profileId: string;
	/** The questionnaire versions this diagnostic is answered against. */
	questionnaires: PinnedQuestionnaire[];
	createdAt: number;
	updatedAt: number;
	/** The diagnostic this one was started from (absent: started empty, or stored before). */
	basedOn?: BasedOn;
	/** Plans and comments carried from it, listed for review (absent: nothing to review). */
	carried?: Carried;
}

export interface StoredAnswer {
	assessmentId: string;
	questionnaireId: string;
	questionId: string;
	/** Absent when the question only has a comment or a plan. */
	response?: Response;
	comment?: string;
	planned?: boolean;
	updatedAt: number;
}

export interface StoredSetting {
	key: string;
	value: unknown;
}

export type NumeriscopeDB = Dexie & {
	profiles: EntityTable<StoredProfile, 'id'>;
	assessments: EntityTable<StoredAssessment, 'id'>;
	answers: Dexie.Table<StoredAnswer, [string, string, string]>;
	settings: EntityTable<StoredSetting, 'key'>;
};

/**
 * Every schema version, oldest first. Dexie wants each version's full store list; a version adds
 * an `upgrade` only when data must move. tests: `db.test.ts` opens a database created by each
 * earlier version with the current code and checks that every answer is kept.
 */
export const schemaHistory: { version: number; stores: Record<string, string | null> }[] = [
	{
		version: 1,
		stores: {
			profiles: 'id',
			assessments: 'id, updatedAt',
			answers: '[assessmentId+questionnaireId+questionId], assessmentId'
		}
	},
	{
		// 2: settings (persistent-storage request, preferences); answers indexed by questionnaire.
		version: 2,
		stores: {
			profiles: 'id',
			assessments: 'id, updatedAt',
			answers:
				'[assessmentId+questionnaireId+questionId], assessmentId, [assessmentId+questionnaireId]',
			settings: 'key'
		}
	}
];

export const DB_NAME = 'numeriscope';

/** Opens (creating or upgrading) the database. The app uses the single instance from `database()`. */
export function openDatabase(
	name = DB_NAME,
	options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}
): NumeriscopeDB {
	// Strict durability: an answer acknowledged as saved survives a tab closed right after.
	const db = new Dexie(name, {
		...options,
		chromeTransactionDurability: 'strict'
	}) as NumeriscopeDB;
	for (const { version, stores } of schemaHistory) db.version(version).stores(stores);
	return db;
}

let instance: NumeriscopeDB | undefined;
const blockedListeners = new Set<() => void>();

/** The one database of the page. Another tab opening a newer version closes this one. */
export function database(): NumeriscopeDB {
	if (!instance) {
		instance = openDatabase();
		instance.on('versionchange', () => {
			instance?.close();
			for (const listener of blockedListeners) listener();
			return false;
		});
	}
	return instance;
}

/** Called when the database had to close because a newer version of the app opened it. */
export function onDatabaseClosed(listener: () => void): () => void {
	blockedListeners.add(listener);
	return () => blockedListeners.delete(listener);
}
