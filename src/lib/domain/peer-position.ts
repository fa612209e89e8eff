/** The quantiles a peer position is read from (see `statistics.ts` for how they are computed). */
export interface Quantiles {
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
}

export type PeerPosition = 'belowP10' | 'p10to25' | 'p25to50' | 'p50to75' | 'p75to90' | 'aboveP90';

/**
 * Where a score stands among peers: 58 with quartiles 40 / 55 / 70 → `p50to75`, "entre le 2e et
 * le 3e quartile". A score equal to a quantile counts in the band above it.
 */
export function peerPosition(score: number, q: Quantiles): PeerPosition {
	if (score < q.p10) return 'belowP10';
	if (score < q.p25) return 'p10to25';
	if (score < q.p50) return 'p25to50';
	if (score < q.p75) return 'p50to75';
	if (score < q.p90) return 'p75to90';
	return 'aboveP90';
}

export const peerPositionLabels: Record<PeerPosition, string> = {
	belowP10: 'sous le 1er décile',
	p10to25: 'entre le 1er décile et le 1er quartile',
	p25to50: 'entre le 1er et le 2e quartile',
	p50to75: 'entre le 2e et le 3e quartile',
	p75to90: 'entre le 3e quartile et le 9e décile',
	aboveP90: 'au-dessus du 9e décile'
};
