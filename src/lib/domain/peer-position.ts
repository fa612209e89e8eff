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
 * Where a score stands among peers: 58 with quartiles 40 / 55 / 70 → `p50to75` (between the
 * median and the upper quartile). A score equal to a quantile counts in the band above it.
 */
export function peerPosition(score: number, q: Quantiles): PeerPosition {
	if (score < q.p10) return 'belowP10';
	if (score < q.p25) return 'p10to25';
	if (score < q.p50) return 'p25to50';
	if (score < q.p75) return 'p50to75';
	if (score < q.p90) return 'p75to90';
	return 'aboveP90';
}
