import type { Contribution } from '../../domain/contribution.ts';
import type { ContributionRecord } from '../store/types.ts';

/** What is stored of a validated contribution: the same fields, flattened, and the demo flag. */
export const toRecord = (c: Contribution, synthetic = false): ContributionRecord => ({
	questionnaire: c.questionnaire,
	version: c.version,
	campaign: c.campaign,
	type: c.cohort.type,
	band: c.cohort.band,
	region: c.cohort.region,
	scores: c.scores,
	synthetic
});
