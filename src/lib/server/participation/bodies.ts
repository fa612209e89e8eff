import { z } from 'zod';
import { participationTokenSchema } from '../../domain/participation.ts';

/**
 * Request bodies as the server first reads them: the envelope is checked here, the contribution
 * inside by `parseContribution` (against the catalog), so that its messages name the field.
 */
const contributionField = z.looseObject({}, 'contribution: expected an object');

/** `POST /api/contributions` with a token. */
export const tokenBodySchema = z.strictObject({
	token: participationTokenSchema,
	contribution: contributionField
});

/** `POST /api/contributions` without a token, where open participation is on. */
export const commitmentBodySchema = z.strictObject({
	commitment: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'commitment: 43 base64url characters'),
	contribution: contributionField
});

export const replaceBodySchema = z.strictObject({ contribution: contributionField });
