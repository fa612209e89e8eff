import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { populationBand } from '../../domain/cohort.ts';
import { INVITATION_ALPHABET } from '../../domain/participation.ts';
import type { TerritoryType } from '../../domain/profile.ts';
import { territoryTypes } from '../../domain/profile-fields.ts';
import type { Territory } from '../../domain/territory.ts';
import type { CampaignRecord } from '../store/campaigns.ts';
import { insertInvitations, invitedTerritories } from '../store/participation.ts';
import type { StoreSchema } from '../store/schema.ts';
import type { KeyRing } from './keyring.ts';

/** How the store names an invited territory: `commune:54395`, `region:44`. */
export const territoryId = (t: Pick<Territory, 'type' | 'code'>): string => `${t.type}:${t.code}`;

/** An invitation refused, with every problem named; nothing was stored. */
export class InvitationError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join('\n'));
	}
}

/**
 * A new invitation code, normalised: 20 characters of the invitation alphabet, 5 bits each
 * (100 random bits, from 13 random bytes of which 4 bits are dropped).
 */
export function newInvitationCode(): string {
	const bytes = randomBytes(13);
	let bits = 0n;
	for (const b of bytes) bits = (bits << 8n) | BigInt(b);
	let code = '';
	for (let i = 0; i < 20; i++) code += INVITATION_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
	return code;
}

/** What the store keeps of a code: its SHA-256 (a code has 100 random bits: no salt needed). */
export const hashInvitation = (normalized: string): string =>
	createHash('sha256').update(normalized).digest('hex');

/** Which territories to invite: by code (`54395`, or `departement:44` where a code is ambiguous), or all of a type in a département or a région. */
export type Selection =
	{ codes: string[] } | { type: TerritoryType; departement?: string; region?: string };

/** Picks territories from the official list; throws `InvitationError` naming what matches nothing. */
export function selectTerritories(all: readonly Territory[], s: Selection): Territory[] {
	if ('codes' in s) {
		const problems: string[] = [];
		const picked: Territory[] = [];
		const seen = new Set<string>();
		for (const raw of s.codes) {
			const [type, code] = raw.includes(':') ? raw.split(':', 2) : [undefined, raw];
			const found = all.filter((t) => t.code === code && (type === undefined || t.type === type));
			if (found.length === 0) problems.push(`${raw}: no territory has this code`);
			else if (found.length > 1)
				problems.push(
					`${raw}: several territories have this code (${found.map((t) => `${t.type}:${t.code} ${t.name}`).join(', ')}); write type:code`
				);
			else if (seen.has(`${found[0]!.type}:${found[0]!.code}`))
				problems.push(`${raw}: listed twice`);
			else {
				seen.add(`${found[0]!.type}:${found[0]!.code}`);
				picked.push(found[0]!);
			}
		}
		if (problems.length) throw new InvitationError(problems);
		return picked;
	}
	if (!territoryTypes.includes(s.type))
		throw new InvitationError([
			`--type ${s.type}: a territory type is one of ${territoryTypes.join(', ')}`
		]);
	const picked = all.filter(
		(t) =>
			t.type === s.type &&
			(s.departement === undefined || t.departement === s.departement) &&
			(s.region === undefined || t.region === s.region)
	);
	if (picked.length === 0)
		throw new InvitationError([
			`no ${s.type} in ${s.departement !== undefined ? `département ${s.departement}` : `région ${s.region}`}`
		]);
	return picked;
}

/** Codes from a CSV file whose first column is `code` (`;` or `,` separated; header optional). */
export function codesFromCsv(text: string): string[] {
	const lines = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
	const first = (l: string) =>
		l
			.split(/[;,]/)[0]!
			.trim()
			.replace(/^"(.*)"$/, '$1');
	const codes = lines.map(first);
	if (codes[0]?.toLowerCase() === 'code') codes.shift();
	if (codes.length === 0) throw new InvitationError(['the file lists no territory code']);
	return codes;
}

export interface Invitation {
	territory: Territory;
	/** The code to mail, normalised (format it with `formatInvitation`). */
	code: string;
}

/**
 * Invites territories to a campaign: checks everything first (an open campaign; each territory
 * with an official population and région; none invited already), creates the signing keys of
 * cohort cells that have none, then stores every invitation's hash with the territory's
 * official cohort in one transaction. The codes are returned once and kept nowhere.
 */
export async function inviteTerritories(
	db: Kysely<StoreSchema>,
	keys: KeyRing,
	campaign: CampaignRecord | undefined,
	year: number,
	territories: readonly Territory[]
): Promise<Invitation[]> {
	if (!campaign) throw new InvitationError([`there is no campaign ${year}`]);
	if (campaign.status !== 'open') throw new InvitationError([`campaign ${year} is closed`]);
	const invited = await invitedTerritories(db, year);
	const problems: string[] = [];
	for (const t of territories) {
		const id = territoryId(t);
		if (t.population === null)
			problems.push(`${t.code} ${t.name}: no official population, so no cohort`);
		if (t.region === null) problems.push(`${t.code} ${t.name}: no région, so no cohort`);
		if (invited.has(id)) problems.push(`${t.code} ${t.name}: already invited to campaign ${year}`);
	}
	if (problems.length) throw new InvitationError(problems);

	const rows = territories.map((t) => ({
		territory: t,
		code: newInvitationCode(),
		cohort: { type: t.type, band: populationBand(t.population!), region: t.region! }
	}));
	const questionnaires = [...new Set(campaign.collects.map((c) => c.questionnaire))];
	const cells = new Map(
		rows.flatMap((r) =>
			questionnaires.map((q) => {
				const cell = { campaign: year, questionnaire: q, ...r.cohort };
				return [JSON.stringify(cell), cell] as const;
			})
		)
	);
	for (const cell of cells.values()) await keys.forCell(cell);
	await insertInvitations(
		db,
		rows.map((r) => ({
			code_hash: hashInvitation(r.code),
			campaign: year,
			territory_code: territoryId(r.territory),
			territory_type: r.cohort.type,
			band: r.cohort.band,
			region: r.cohort.region
		}))
	);
	return rows.map((r) => ({ territory: r.territory, code: r.code }));
}
