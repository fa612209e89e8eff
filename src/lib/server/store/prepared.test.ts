import { describe, expect, it } from 'vitest';
import { preparedAs, preparedName } from './prepared.ts';

describe('prepared statements’ marks', () => {
	it('names a statement by the mark that starts its SQL', () => {
		expect(preparedName(`${preparedAs('contribution_insert_if_open')} INSERT INTO t`)).toBe(
			'contribution_insert_if_open'
		);
	});
	it('leaves ordinary queries, and a mark that does not start them, unprepared', () => {
		expect(preparedName('INSERT INTO t VALUES ($1)')).toBeNull();
		expect(preparedName(`SELECT 1; ${preparedAs('x')}`)).toBeNull();
	});
	it('refuses a name PostgreSQL would fold or a comment could end', () => {
		expect(() => preparedAs('Insert')).toThrow(/not a prepared statement/);
		expect(() => preparedAs('x */ DROP TABLE t; /*')).toThrow(/not a prepared statement/);
	});
});
