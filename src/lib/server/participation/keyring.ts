import type { Kysely } from 'kysely';
import {
	cellOf,
	findKey,
	findKeyOfCell,
	insertKey,
	type KeyCell,
	type KeyRow
} from '../store/participation.ts';
import type { StoreSchema } from '../store/schema.ts';
import { generateKeyMaterial, loadSigningKey, type SigningKey } from './keys.ts';

export interface KeyEntry {
	key: SigningKey;
	cell: KeyCell;
	/** SubjectPublicKeyInfo DER, base64url, as the browser gets it. */
	spki: string;
}

const cellKey = (c: KeyCell) => [c.campaign, c.questionnaire, c.type, c.band, c.region].join('|');

/**
 * The signing keys, read from the store once and kept in memory (a key never changes once
 * stored). A key is created the first time a cell needs one: when the operator invites a
 * territory of that cohort, or at issuance if the cell still has none.
 */
export class KeyRing {
	readonly #byId = new Map<string, KeyEntry>();
	readonly #byCell = new Map<string, Promise<KeyEntry>>();

	constructor(private readonly db: Kysely<StoreSchema>) {}

	#load(row: KeyRow): KeyEntry {
		const known = this.#byId.get(row.id);
		if (known) return known;
		const entry = { key: loadSigningKey(row), cell: cellOf(row), spki: row.spki };
		this.#byId.set(row.id, entry);
		return entry;
	}

	/** The key of an id, or undefined when no key has it. */
	async byId(id: string): Promise<KeyEntry | undefined> {
		const known = this.#byId.get(id);
		if (known) return known;
		const row = await findKey(this.db, id);
		return row ? this.#load(row) : undefined;
	}

	/** The key of a cell, created (and stored) if the cell has none yet. */
	forCell(cell: KeyCell): Promise<KeyEntry> {
		const k = cellKey(cell);
		let pending = this.#byCell.get(k);
		if (!pending) {
			pending = (async () => {
				const row =
					(await findKeyOfCell(this.db, cell)) ??
					(await insertKey(this.db, cell, await generateKeyMaterial()));
				return this.#load(row);
			})();
			// A failure (store unreachable) is not remembered: the next call tries again.
			pending.catch(() => this.#byCell.delete(k));
			this.#byCell.set(k, pending);
		}
		return pending;
	}
}
