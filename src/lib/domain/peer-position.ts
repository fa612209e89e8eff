/** The quantiles a peer position is read from (see `statistics.ts` for how they are computed). */
export interface Quantiles {
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
}

/**
 * Where a score stands among peers, in bands anyone reads: the tenth and the quarter least
 * advanced, the lower and upper middle (either side of the median), the quarter and the tenth
 * most advanced.
 */
export type PeerPosition =
	'bottomTenth' | 'bottomQuarter' | 'lowerMiddle' | 'upperMiddle' | 'topQuarter' | 'topTenth';

/** Tenths are told only from this many peers: with fewer, a decile rests on one or two scores. */
export const TENTHS_FROM = 20;

/**
 * Where a score stands among `n` peers: 58 with quartiles 40 / 55 / 70 → `upperMiddle`. A score
 * equal to a quantile counts in the band above it. The precision follows n: from `TENTHS_FROM`
 * peers the tenths are told apart (`bottomTenth`, `topTenth`); with fewer, the quarters only
 * (95 above p90 = 90 with n = 8 → `topQuarter`).
 */
export function peerPosition(score: number, q: Quantiles & { n: number }): PeerPosition {
	const tenths = q.n >= TENTHS_FROM;
	if (score < q.p25) return tenths && score < q.p10 ? 'bottomTenth' : 'bottomQuarter';
	if (score < q.p50) return 'lowerMiddle';
	if (score < q.p75) return 'upperMiddle';
	return tenths && score >= q.p90 ? 'topTenth' : 'topQuarter';
}
