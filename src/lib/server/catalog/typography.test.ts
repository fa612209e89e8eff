import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairTypography, typographyIssues } from './typography.ts';

const fixtures = join(import.meta.dirname, '../../../../tests/fixtures/typography');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('typographyIssues', () => {
	it('names the line, the column and the punctuation of each issue, in French texts only', () => {
		const issues = typographyIssues(read('before.yaml'));
		expect(issues.map((x) => `${x.line}:${x.column} ${x.message.split(':')[0]}`)).toEqual([
			'3:30 ordinary space before « ? »',
			'6:35 ordinary space before « ',
			'6:52 ordinary space after « « »',
			'6:61 ordinary space before « » »',
			'7:15 ordinary space before « ; »',
			'7:94 ordinary space before « ! »',
			'11:25 no space before « ',
			'11:36 no space before « ; »',
			'11:38 no space after « « »',
			'11:42 no space before « » »',
			'11:43 no space before « ! »',
			'13:16 ordinary space before « ? »',
			'13:28 ordinary space before « ? »'
		]);
		expect(issues[0]!.excerpt).toBe('title: { fr: Êtes-vous prêts ?, en: Are…');
	});

	it('accepts U+202F, U+00A0 and their YAML escapes, links, times and « ?! »', () => {
		const ok = [
			'a: { fr: "Prêts\u202f? Oui\u00a0! «\u00a0cité\u202f»" }',
			'a: { fr: "Échappé\\u202f? «\\u00a0x\\_»" }',
			'a: { fr: "Voir https://www.example.gouv.fr/a?b=1#c:d et www.example.fr/x?y à 10:00, 1:2." }',
			'a: { fr: "Quoi\u202f?! Non\u202f!?" }',
			'a: { fr: "? en tête" }'
		];
		for (const source of ok) expect(typographyIssues(source), source).toEqual([]);
	});

	it('cannot repair punctuation that opens a line of a folded text: says so', () => {
		const source = 'a:\n  fr: >-\n    Une question\n    ? mal placée\n';
		const [issue] = typographyIssues(source);
		expect(issue).toMatchObject({ line: 4, column: 5 });
		expect(issue!.fix).toBeUndefined();
		expect(repairTypography(source)).toMatchObject({ text: source, fixed: 0, left: [issue] });
	});
});

describe('repairTypography', () => {
	it('fixes the fixture exactly: only those spaces change, comments and English stay', () => {
		const result = repairTypography(read('before.yaml'));
		expect(result.text).toBe(read('after.yaml'));
		expect(result).toMatchObject({ fixed: 13, left: [] });
	});

	it('is idempotent', () => {
		expect(repairTypography(read('after.yaml'))).toMatchObject({ fixed: 0, left: [] });
	});
});
