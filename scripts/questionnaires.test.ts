import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnaireJsonSchema } from '../src/lib/domain/json-schema.ts';

const check = (dir: string) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/questionnaires-check.ts', dir], {
		encoding: 'utf8'
	});

describe('npm run questionnaires:check', () => {
	it('passes on the shipped folder', () => {
		const r = check('questionnaires');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/no problem/);
	});

	it('fails on a broken copy, listing every problem as file:line: path: message', () => {
		// Two questionnaires: one with two schema problems, one with a coherence problem.
		const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
		cpSync('tests/fixtures/catalog-valid', dir, { recursive: true });
		cpSync(join(dir, 'exemple'), join(dir, 'autre'), { recursive: true });
		const edit = (id: string, change: (s: string) => string) => {
			const file = join(dir, id, 'v1.yaml');
			writeFileSync(file, change(readFileSync(file, 'utf8')));
		};
		edit('exemple', (s) =>
			s.replace('score: 100 }', 'score: 150 }').replace('kind: scale', 'kind: slider')
		);
		edit('autre', (s) =>
			s
				.replace('id: exemple', 'id: autre')
				.replace('theme: pratiques\n    kind: number', 'theme: inconnu\n    kind: number')
		);
		const r = check(dir);
		expect(r.status).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toContainEqual(
			expect.stringMatching(
				/exemple\/v1\.yaml:\d+: questions\.1\.choices\.2\.score: a score is between 0 and 100/
			)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(
				/exemple\/v1\.yaml:\d+: questions\.5\.kind: Invalid discriminator value/
			)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/autre\/v1\.yaml:\d+: questions\.4\.theme: unknown theme "inconnu"/)
		);
		expect(lines.at(-1)).toMatch(/3 problem\(s\) in 2 of 2 file\(s\)/);
	});

	it('fails clearly on a folder that does not exist', () => {
		const r = check('/nonexistent/questionnaires');
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/cannot read \/nonexistent\/questionnaires/);
	});
});

describe('questionnaires/questionnaire.schema.json', () => {
	it('is up to date with the zod schema (run `npm run questionnaires:schema`)', () => {
		const committed = JSON.parse(readFileSync('questionnaires/questionnaire.schema.json', 'utf8'));
		expect(committed).toEqual(questionnaireJsonSchema());
	});
});
