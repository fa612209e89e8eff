import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';

/** A random row id: 128 bits, base64url. Rows carry no order, no counter and no time. */
export const randomId = (): string => randomBytes(16).toString('base64url');

/**
 * Tables of the benchmark store, as Kysely sees them (from migration 0002 on).
 *
 * What links to what, on purpose:
 * - `invitations` ↔ territory: the operator mailed the code, so the store may know it (to refuse
 *   inviting a territory twice); only the code's hash is kept.
 * - `issuances` ↔ `invitations`: one blind signature per invitation × questionnaire.
 * - `contributions` ↔ nothing above: a contribution row holds no invitation, no issuance, no key id
 *   and no time; its id is random and its `token_hash` is SHA-256(SHA-256(S)) of a secret the
 *   server never saw at issuance (the signed message was blinded).
 */
export interface StoreSchema {
	campaigns: {
		year: number;
		/** JSON `[{ "questionnaire": "donnees", "version": 1 }, …]`. */
		collects: string;
		/** `YYYY-MM-DD` or null. */
		closes: string | null;
		/** `open` or `closed`. */
		status: string;
		/** 0 or 1: a generated demo campaign. */
		synthetic: number;
	};
	/** One RSA-2048 key pair per campaign × questionnaire × cohort (see domain/participation.ts). */
	signing_keys: {
		/** base64url of the first 16 bytes of SHA-256(spki). */
		id: string;
		campaign: number;
		questionnaire: string;
		territory_type: string;
		band: string;
		region: string;
		/** SubjectPublicKeyInfo DER, base64url. */
		spki: string;
		/** PKCS #8 DER, base64url: the store is as secret as the keys (see docs/observatory.md). */
		pkcs8: string;
	};
	invitations: {
		/** SHA-256 of the normalised code, hex. */
		code_hash: string;
		campaign: number;
		/**
		 * The invited territory, `type:code` (INSEE or SIREN code): a département and a région
		 * may share a code (`departement:44`, `region:44`).
		 */
		territory_code: string;
		/** The official cohort, from the server's territory data. */
		territory_type: string;
		band: string;
		region: string;
	};
	issuances: {
		code_hash: string;
		questionnaire: string;
		/** SHA-256 of the blinded message, hex: the same message gets the same answer again. */
		blinded_hash: string;
		/** base64url. */
		blind_signature: string;
	};
	contributions: {
		/** Random (`randomId`). */
		id: string;
		/** SHA-256(SHA-256(S)) hex, the replace/withdraw key; null for imported and demo rows. */
		token_hash: string | null;
		campaign: number;
		questionnaire: string;
		version: number;
		territory_type: string;
		band: string;
		region: string;
		/** JSON `{ "overall": 62, "themes": { "rgpd": 40, … } }`; null once withdrawn. */
		scores: string | null;
		/** 0 or 1. */
		synthetic: number;
		/** `invited`, `open` (no invitation, OPEN_PARTICIPATION), `import` or `demo`. */
		source: string;
	};
	editions: {
		campaign: number;
		number: number;
		/** `YYYY-MM-DD`: no finer time is published. */
		published_on: string;
		/** JSON: the methodology (k, rounding, pooling, participation counts, sources, caveats). */
		methodology: string;
		synthetic: number;
	};
	edition_cells: {
		campaign: number;
		number: number;
		/** Version pool id, `donnees@1+2`. */
		pool: string;
		/** `cohortKey`: `commune`, `commune/3500-9999`, `commune/3500-9999/44`. */
		cohort: string;
		n: number;
		/** JSON `{ "overall": Statistic, "themes": { id: Statistic } }`. */
		figures: string;
		/** The edition whose contributions these figures describe (< number when carried over). */
		computed_in: number;
	};
	/** Which contributions (and which content, by digest) an edition was computed from. */
	edition_members: {
		campaign: number;
		number: number;
		contribution_id: string;
		/** SHA-256 of version, cohort and scores: a replaced contribution changes digest. */
		digest: string;
	};
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * Numbered migrations, applied in order at start by Kysely's migrator (which records them in
 * `kysely_migration` and, on PostgreSQL, takes a lock so that instances starting together do not
 * race). A published migration is never edited: a change is a new number.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
	// SQLite stores an ordinary table in the order of a hidden, increasing rowid: anyone holding
	// the file could read the order rows were inserted in, and pair the n-th token issued with
	// the n-th contribution. Tables that must not tell their order are WITHOUT ROWID, stored by
	// their (random or hashed) primary key.
	const unordered = <T extends { modifyEnd(node: ReturnType<typeof sql>): T }>(b: T): T =>
		dialect === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b;
	return {
		'0001_contributions': {
			async up(db: Kysely<unknown>) {
				await db.schema
					.createTable('contributions')
					.addColumn('id', 'integer', (c) =>
						dialect === 'sqlite'
							? c.primaryKey().autoIncrement()
							: c.primaryKey().generatedAlwaysAsIdentity()
					)
					.addColumn('token_hash', 'text', (c) => c.unique())
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('version', 'integer', (c) => c.notNull())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('territory_type', 'text', (c) => c.notNull())
					.addColumn('band', 'text', (c) => c.notNull())
					.addColumn('region', 'text', (c) => c.notNull())
					.addColumn('scores', 'text', (c) => c.notNull())
					.addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
					.execute();
				await db.schema
					.createIndex('contributions_group')
					.on('contributions')
					.columns(['questionnaire', 'campaign'])
					.execute();
				await db.schema
					.createTable('revisions')
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('revision', 'integer', (c) => c.notNull())
					.addPrimaryKeyConstraint('revisions_pk', ['questionnaire', 'campaign'])
					.execute();
			}
		},
		'0002_campaigns_editions': {
			async up(db: Kysely<unknown>) {
				// Contributions move to random ids, withdrawable rows and a source; the live
				// figures and their revision counters give way to published editions.
				const legacy = (
					await sql<{
						questionnaire: string;
						version: number;
						campaign: number;
						territory_type: string;
						band: string;
						region: string;
						scores: string;
					}>`SELECT questionnaire, version, campaign, territory_type, band, region, scores
					FROM contributions WHERE synthetic = 0`.execute(db)
				).rows;
				await db.schema.dropTable('revisions').execute();
				await db.schema.dropTable('contributions').execute();

				await db.schema
					.createTable('campaigns')
					.addColumn('year', 'integer', (c) => c.primaryKey())
					.addColumn('collects', 'text', (c) => c.notNull())
					.addColumn('closes', 'text')
					.addColumn('status', 'text', (c) => c.notNull())
					.addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
					.execute();
				await db.schema
					.createTable('signing_keys')
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('territory_type', 'text', (c) => c.notNull())
					.addColumn('band', 'text', (c) => c.notNull())
					.addColumn('region', 'text', (c) => c.notNull())
					.addColumn('spki', 'text', (c) => c.notNull())
					.addColumn('pkcs8', 'text', (c) => c.notNull())
					.addUniqueConstraint('signing_keys_cell', [
						'campaign',
						'questionnaire',
						'territory_type',
						'band',
						'region'
					])
					.execute();
				await db.schema
					.createTable('invitations')
					.addColumn('code_hash', 'text', (c) => c.primaryKey())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('territory_code', 'text', (c) => c.notNull())
					.addColumn('territory_type', 'text', (c) => c.notNull())
					.addColumn('band', 'text', (c) => c.notNull())
					.addColumn('region', 'text', (c) => c.notNull())
					.addUniqueConstraint('invitations_territory', ['campaign', 'territory_code'])
					.$call(unordered)
					.execute();
				await db.schema
					.createTable('issuances')
					.addColumn('code_hash', 'text', (c) => c.notNull())
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('blinded_hash', 'text', (c) => c.notNull())
					.addColumn('blind_signature', 'text', (c) => c.notNull())
					.addPrimaryKeyConstraint('issuances_pk', ['code_hash', 'questionnaire'])
					.$call(unordered)
					.execute();
				await db.schema
					.createTable('contributions')
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('token_hash', 'text', (c) => c.unique())
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('questionnaire', 'text', (c) => c.notNull())
					.addColumn('version', 'integer', (c) => c.notNull())
					.addColumn('territory_type', 'text', (c) => c.notNull())
					.addColumn('band', 'text', (c) => c.notNull())
					.addColumn('region', 'text', (c) => c.notNull())
					.addColumn('scores', 'text')
					.addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
					.addColumn('source', 'text', (c) => c.notNull())
					.$call(unordered)
					.execute();
				await db.schema
					.createIndex('contributions_campaign')
					.on('contributions')
					.columns(['campaign', 'questionnaire'])
					.execute();
				await db.schema
					.createTable('editions')
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('number', 'integer', (c) => c.notNull())
					.addColumn('published_on', 'text', (c) => c.notNull())
					.addColumn('methodology', 'text', (c) => c.notNull())
					.addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
					.addPrimaryKeyConstraint('editions_pk', ['campaign', 'number'])
					.execute();
				await db.schema
					.createTable('edition_cells')
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('number', 'integer', (c) => c.notNull())
					.addColumn('pool', 'text', (c) => c.notNull())
					.addColumn('cohort', 'text', (c) => c.notNull())
					.addColumn('n', 'integer', (c) => c.notNull())
					.addColumn('figures', 'text', (c) => c.notNull())
					.addColumn('computed_in', 'integer', (c) => c.notNull())
					.addPrimaryKeyConstraint('edition_cells_pk', ['campaign', 'number', 'pool', 'cohort'])
					.execute();
				await db.schema
					.createTable('edition_members')
					.addColumn('campaign', 'integer', (c) => c.notNull())
					.addColumn('number', 'integer', (c) => c.notNull())
					.addColumn('contribution_id', 'text', (c) => c.notNull())
					.addColumn('digest', 'text', (c) => c.notNull())
					.addPrimaryKeyConstraint('edition_members_pk', ['campaign', 'number', 'contribution_id'])
					.execute();

				// Real contributions of the live era become an imported source of closed campaigns
				// (their withdrawal tokens were hashed another way and cannot be honoured).
				const years = new Map<number, Set<string>>();
				for (const r of legacy) {
					await sql`INSERT INTO contributions (id, token_hash, campaign, questionnaire, version,
						territory_type, band, region, scores, synthetic, source)
						VALUES (${randomId()}, NULL, ${r.campaign}, ${r.questionnaire}, ${r.version},
						${r.territory_type}, ${r.band}, ${r.region}, ${r.scores}, 0, 'import')`.execute(db);
					const set = years.get(r.campaign) ?? new Set<string>();
					set.add(JSON.stringify({ questionnaire: r.questionnaire, version: r.version }));
					years.set(r.campaign, set);
				}
				for (const [year, set] of years)
					await sql`INSERT INTO campaigns (year, collects, closes, status, synthetic)
						VALUES (${year}, ${`[${[...set].sort().join(',')}]`}, NULL, 'closed', 0)`.execute(db);
			}
		}
	};
}
