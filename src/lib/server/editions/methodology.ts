import type { VersionPool } from '../../domain/benchmark.ts';
import type { EditionCounts } from '../../domain/edition.ts';
import type { CampaignRecord } from '../store/campaigns.ts';
import {
	contributionSources,
	type ContributionSource,
	type LiveContribution
} from '../store/editions.ts';

/** The caveats every edition states, in French first, as published. */
export const VOLUNTEERS =
	'les participants se sont portés volontaires\u202f: ce n’est pas un échantillon représentatif';
export const OPEN_PARTICIPATION = 'participation ouverte\u202f: contributions non vérifiées';

/** What an edition says about how its figures were made (stored as JSON with the edition). */
export interface Methodology {
	k: number;
	rounding: {
		scores: 'whole points';
		quantiles: 'type 7 (Hyndman & Fan), rounded half up to whole points';
		published: string[];
	};
	pools: VersionPool[];
	differencing: string;
	carryOver: string;
	collection: { campaign: number; closes: string | null; status: CampaignRecord['status'] };
	/** Live contributions by questionnaire and source. */
	contributions: Record<string, Record<ContributionSource, number>>;
	sources: ContributionSource[];
	/** Null when no invitation was issued. */
	participation: { invitationsIssued: number; invitationsRedeemed: number; rate: number } | null;
	caveats: string[];
	synthetic: boolean;
	cells: EditionCounts;
}

export function methodology(o: {
	k: number;
	pools: VersionPool[];
	campaign: CampaignRecord;
	live: readonly LiveContribution[];
	invitations: { issued: number; redeemed: number };
	counts: EditionCounts;
}): Methodology {
	const contributions: Methodology['contributions'] = {};
	for (const c of o.live) {
		contributions[c.questionnaire] ??= Object.fromEntries(
			contributionSources.map((s) => [s, 0])
		) as Record<ContributionSource, number>;
		contributions[c.questionnaire]![c.source]++;
	}
	const sources = contributionSources.filter((s) => o.live.some((c) => c.source === s));
	const caveats = [VOLUNTEERS];
	if (sources.includes('open')) caveats.push(OPEN_PARTICIPATION);
	if (sources.includes('import'))
		caveats.push('contributions importées : collectées hors de cet outil, comptées à part');
	if (o.campaign.synthetic)
		caveats.push('données de démonstration : contributions synthétiques, aucun territoire réel');
	const { issued, redeemed } = o.invitations;
	return {
		k: o.k,
		rounding: {
			scores: 'whole points',
			quantiles: 'type 7 (Hyndman & Fan), rounded half up to whole points',
			published: ['n', 'p10', 'p25', 'p50', 'p75', 'p90']
		},
		pools: o.pools,
		differencing:
			'a cell is published only when n ≥ k and every residual of the cohort tree (type ⊃ type × band ⊃ type × band × region) is 0 or ≥ k; otherwise the smallest sub-cell is withdrawn too',
		carryOver:
			'from the second edition on, a cell gets new figures only when at least k of its contributions were added, withdrawn or replaced since the edition its figures were computed in; otherwise that edition’s figures are carried over unchanged (computedIn); a cell that no longer passes is dropped',
		collection: {
			campaign: o.campaign.year,
			closes: o.campaign.closes,
			status: o.campaign.status
		},
		contributions,
		sources,
		participation:
			issued > 0
				? {
						invitationsIssued: issued,
						invitationsRedeemed: redeemed,
						rate: Math.round((1000 * redeemed) / issued) / 1000
					}
				: null,
		caveats,
		synthetic: o.campaign.synthetic,
		cells: o.counts
	};
}
