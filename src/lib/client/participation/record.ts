import type { HeldToken } from '../../domain/backup.ts';
import type { Contribution } from '../../domain/contribution.ts';
import type { PublicKey } from '../../domain/participation.ts';
import type { Blinding } from './blind.ts';

export type { HeldToken };
export type Cohort = Contribution['cohort'];

/** A token asked for but not yet signed: kept (before the request) so that a retry sends the same. */
export interface PendingToken extends Blinding {
	campaign: number;
	cohort: Cohort;
	questionnaire: string;
	versions: number[];
	key: PublicKey;
}

/**
 * What a diagnostic holds to take part in campaigns, in its settings. The invitation code is kept
 * only while a token is still pending: once every token is signed it is forgotten.
 */
export interface ParticipationRecord {
	invitation?: string;
	pending: PendingToken[];
	tokens: HeldToken[];
}

export const emptyRecord = (): ParticipationRecord => ({ pending: [], tokens: [] });

/** The token of a questionnaire for its latest campaign. */
export function heldToken(r: ParticipationRecord, questionnaire: string): HeldToken | undefined {
	return r.tokens
		.filter((t) => t.questionnaire === questionnaire)
		.reduce<HeldToken | undefined>((a, t) => (!a || t.campaign > a.campaign ? t : a), undefined);
}

export type SlotStatus = 'none' | 'pending' | HeldToken['status'];

/** Where a questionnaire stands: no invitation, token pending, ready, sent, withdrawn. */
export function slotStatus(r: ParticipationRecord, questionnaire: string): SlotStatus {
	const held = heldToken(r, questionnaire);
	if (
		held &&
		!r.pending.some((p) => p.questionnaire === questionnaire && p.campaign > held.campaign)
	)
		return held.status;
	return r.pending.some((p) => p.questionnaire === questionnaire)
		? 'pending'
		: (held?.status ?? 'none');
}

/** The campaigns and official cohorts the diagnostic holds tokens of, latest first. */
export function campaignsHeld(r: ParticipationRecord): { campaign: number; cohort: Cohort }[] {
	const out = new Map<number, Cohort>();
	for (const t of [...r.tokens, ...r.pending])
		if (!out.has(t.campaign)) out.set(t.campaign, t.cohort);
	return [...out].sort((a, b) => b[0] - a[0]).map(([campaign, cohort]) => ({ campaign, cohort }));
}

/**
 * Adds tokens from an imported file: a questionnaire and campaign already held keeps the token
 * held here (the same invitation cannot have issued two). Returns the merged record.
 */
export function mergeTokens(r: ParticipationRecord, incoming: HeldToken[]): ParticipationRecord {
	const has = (t: HeldToken) =>
		r.tokens.some((x) => x.campaign === t.campaign && x.questionnaire === t.questionnaire);
	const added = incoming.filter((t) => !has(t));
	const pending = r.pending.filter(
		(p) => !added.some((t) => t.campaign === p.campaign && t.questionnaire === p.questionnaire)
	);
	const next: ParticipationRecord = { pending, tokens: [...r.tokens, ...added] };
	if (pending.length && r.invitation) next.invitation = r.invitation;
	return next;
}

export const sameCohort = (a: Cohort, b: { type: string; band?: string; region?: string }) =>
	a.type === b.type && a.band === b.band && a.region === b.region;
