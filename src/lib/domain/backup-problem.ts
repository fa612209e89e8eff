import type { z } from 'zod';
import { formatPath } from './problem.ts';

/**
 * Why a field of an imported file is refused, as a code with its parameters (never zod's English
 * message): the page turns it into a sentence in the officer's language.
 */
export type FieldIssue =
	| { kind: 'missing' }
	| { kind: 'type'; expected: string }
	| { kind: 'too_small'; origin: string; minimum: number }
	| { kind: 'too_big'; origin: string; maximum: number }
	/** A text of the wrong form: `regex` (ids, codes, secrets) or `datetime`. */
	| { kind: 'format'; format: string }
	/** Not one of the accepted values (a literal or an enumeration). */
	| { kind: 'value'; values: string[] }
	| { kind: 'unknown_keys'; keys: string[] }
	| { kind: 'duplicate_answer'; answer: string }
	| { kind: 'not_pinned'; questionnaire: string }
	| { kind: 'duplicate_questionnaire'; questionnaire: string }
	| { kind: 'duplicate_token'; questionnaire: string; campaign: number }
	| { kind: 'sent_missing' }
	| { kind: 'sent_mismatch' }
	| { kind: 'invalid' };

/** What is wrong with an imported diagnostic file; `path` says where (`answers.3.questionId`). */
export type BackupProblem =
	| { code: 'too_large'; size: number; max: number }
	| { code: 'not_json'; detail: string }
	| { code: 'not_backup' }
	| { code: 'format_version' }
	| { code: 'newer_format'; version: number; current: number }
	| { code: 'no_upgrade'; version: number; from: number }
	| { code: 'field'; path: string; issue: FieldIssue }
	| { code: 'unknown_questionnaire'; questionnaire: string; version: number }
	| {
			code: 'unknown_question';
			path: string;
			question: string;
			questionnaire: string;
			version: number;
	  }
	| { code: 'answer_unfit'; path: string; question: string; kind: string };

/** The custom issues of the backup schema carry their code in `params`. */
const customKinds = new Set([
	'duplicate_answer',
	'not_pinned',
	'duplicate_questionnaire',
	'duplicate_token',
	'sent_missing',
	'sent_mismatch'
]);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let v = input;
	for (const key of path) {
		if (typeof v !== 'object' || v === null) return undefined;
		v = (v as Record<PropertyKey, unknown>)[key];
	}
	return v;
}

function issueOf(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
	switch (issue.code) {
		case 'invalid_type':
			return valueAt(input, issue.path) === undefined
				? { kind: 'missing' }
				: { kind: 'type', expected: issue.expected };
		case 'too_small':
			return { kind: 'too_small', origin: issue.origin, minimum: Number(issue.minimum) };
		case 'too_big':
			return { kind: 'too_big', origin: issue.origin, maximum: Number(issue.maximum) };
		case 'invalid_format':
			return { kind: 'format', format: issue.format };
		case 'invalid_value':
			return { kind: 'value', values: issue.values.map(String) };
		case 'unrecognized_keys':
			return { kind: 'unknown_keys', keys: issue.keys };
		case 'invalid_union': {
			// A discriminated union with an unknown discriminator (`response.type`).
			const options = 'options' in issue ? issue.options : undefined;
			return options ? { kind: 'value', values: options.map(String) } : { kind: 'invalid' };
		}
		case 'custom': {
			const params = issue.params as { kind?: string } | undefined;
			if (params?.kind && customKinds.has(params.kind)) return params as FieldIssue;
			return { kind: 'invalid' };
		}
		default:
			return { kind: 'invalid' };
	}
}

/**
 * zod issues as problems with codes. A union whose every branch failed reports the branch that
 * came closest (fewest issues), at its full path.
 */
export function fieldProblems(error: z.ZodError, input: unknown): BackupProblem[] {
	return error.issues.flatMap((issue): BackupProblem[] => {
		if (issue.code === 'invalid_union' && issue.errors.length > 0) {
			const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
			return best.map((sub) => {
				const path = [...issue.path, ...sub.path];
				return {
					code: 'field',
					path: formatPath(path),
					issue: issueOf({ ...sub, path } as z.core.$ZodIssue, input)
				};
			});
		}
		return [{ code: 'field', path: formatPath(issue.path), issue: issueOf(issue, input) }];
	});
}
