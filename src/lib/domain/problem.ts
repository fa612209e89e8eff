import type { z } from 'zod';

/** Something wrong in a content file, located by the path of the field inside it. */
export interface Problem {
	path: readonly PropertyKey[];
	message: string;
}

/** `["questions", 3, "choices", 1, "score"]` → `questions.3.choices.1.score` (`(root)` when empty). */
export function formatPath(path: readonly PropertyKey[]): string {
	return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** zod issues as problems, keeping the deepest useful path and message. */
export function problemsFromZod(error: z.ZodError): Problem[] {
	return error.issues.flatMap((issue) => {
		// A discriminated union with an unknown discriminator gives one issue at the union's path.
		if (issue.code === 'invalid_union' && issue.errors.length > 0) {
			const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
			return best.map((sub) => ({
				path: [...issue.path, ...sub.path],
				message: sub.message
			}));
		}
		// `{ fr: Oui, avec réserve }` in YAML is the key "fr" plus a stray key "avec réserve".
		if (issue.code === 'unrecognized_keys' && issue.keys.some((k) => /\s/.test(k)))
			return [
				{
					path: issue.path,
					message: `${issue.message} — a comma in an unquoted one-line text (\`{ fr: … }\`) splits it: put the text in quotes`
				}
			];
		return [{ path: issue.path, message: issue.message }];
	});
}
