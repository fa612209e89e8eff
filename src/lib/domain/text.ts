import { z } from 'zod';

/** A text of the content, in French, optionally in English. */
export const localizedSchema = z.strictObject({
	fr: z.string().trim().min(1, 'the French text is required and cannot be empty'),
	en: z.string().trim().min(1).optional()
});
export type Localized = z.infer<typeof localizedSchema>;

/** Stable identifiers: lower-case letters, digits and single hyphens, e.g. `registre-rgpd`. */
export const slugSchema = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'an id is lower-case letters, digits and single hyphens (e.g. "registre-rgpd")'
	);

/** Links in content must be https. */
export const httpsUrlSchema = z
	.string()
	.regex(/^https:\/\/[^\s/$.?#][^\s]*$/, 'a link must be an https:// address');
