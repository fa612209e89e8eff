import type { BackupProblem, FieldIssue } from '../domain/backup-problem.ts';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';

const megabytes = (bytes: number) =>
	m.import_size_mb({
		size: new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(
			bytes / (1024 * 1024)
		)
	});

/** What a badly formed text should look like, by the name of its field. */
function formatText(path: string, format: string): string {
	if (format === 'datetime') return m.import_format_datetime();
	const field = path.split('.').pop() ?? '';
	if (field === 'secret') return m.import_format_secret();
	if (field === 'region') return m.import_format_region();
	if (path === 'assessment.id') return m.import_format_assessment_id();
	if (['id', 'questionnaireId', 'questionId', 'questionnaire'].includes(field))
		return m.import_format_slug();
	return m.import_format_other();
}

const typeNames: Record<string, () => string> = {
	string: m.import_type_string,
	number: m.import_type_number,
	int: m.import_type_number,
	boolean: m.import_type_boolean,
	object: m.import_type_object,
	array: m.import_type_array
};

function issueText(path: string, issue: FieldIssue): string {
	switch (issue.kind) {
		case 'missing':
			return m.import_issue_missing();
		case 'type':
			return m.import_issue_type({ expected: typeNames[issue.expected]?.() ?? issue.expected });
		case 'too_small':
			if (issue.minimum <= 1 && issue.origin !== 'number') return m.import_issue_empty();
			if (issue.origin === 'string') return m.import_issue_short({ minimum: issue.minimum });
			if (issue.origin === 'array') return m.import_issue_few({ minimum: issue.minimum });
			return m.import_issue_small({ minimum: issue.minimum });
		case 'too_big':
			if (issue.origin === 'string') return m.import_issue_long({ maximum: issue.maximum });
			if (issue.origin === 'array') return m.import_issue_many({ maximum: issue.maximum });
			return m.import_issue_big({ maximum: issue.maximum });
		case 'format':
			return formatText(path, issue.format);
		case 'value':
			return m.import_issue_value({ values: issue.values.join(', ') });
		case 'unknown_keys':
			return m.import_issue_unknown_keys({ keys: issue.keys.join(', ') });
		case 'duplicate_answer':
			return m.import_issue_duplicate_answer({ answer: issue.answer });
		case 'not_pinned':
			return m.import_issue_not_pinned({ questionnaire: issue.questionnaire });
		case 'duplicate_questionnaire':
			return m.import_issue_duplicate_questionnaire({ questionnaire: issue.questionnaire });
		case 'duplicate_token':
			return m.import_issue_duplicate_token({
				questionnaire: issue.questionnaire,
				campaign: issue.campaign
			});
		case 'sent_missing':
			return m.import_issue_sent_missing();
		case 'sent_mismatch':
			return m.import_issue_sent_mismatch();
		case 'invalid':
			return m.import_issue_invalid();
	}
}

/** One refusal of an imported file as a sentence in the page's language, saying where. */
export function importProblemText(p: BackupProblem): string {
	switch (p.code) {
		case 'too_large':
			return m.import_problem_too_large({ size: megabytes(p.size), max: megabytes(p.max) });
		case 'not_json':
			return m.import_problem_not_json({ detail: p.detail });
		case 'not_backup':
			return m.import_problem_not_backup();
		case 'format_version':
			return m.import_problem_format_version();
		case 'newer_format':
			return m.import_problem_newer_format({ version: p.version, current: p.current });
		case 'no_upgrade':
			return m.import_problem_no_upgrade({ version: p.version, from: p.from });
		case 'field':
			return m.import_problem_field({ path: p.path, issue: issueText(p.path, p.issue) });
		case 'unknown_questionnaire':
			return m.import_problem_unknown_questionnaire({
				questionnaire: p.questionnaire,
				version: p.version
			});
		case 'unknown_question':
			return m.import_problem_unknown_question({
				path: p.path,
				question: p.question,
				questionnaire: p.questionnaire,
				version: p.version
			});
		case 'answer_unfit':
			return m.import_problem_answer_unfit({ path: p.path, question: p.question, kind: p.kind });
	}
}
