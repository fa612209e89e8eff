/**
 * Prepared statements for the hottest queries. A statement whose SQL starts with
 * `preparedAs(name)` runs on PostgreSQL as a named prepared statement (see `postgres.ts`): each
 * connection parses and plans it once, then only binds its parameters. SQLite reads the mark as
 * the comment it is (its statements are cached by the driver already).
 */
const NAME = /^[a-z][a-z0-9_]*$/;
const MARK = /^\/\* prepared: ([a-z][a-z0-9_]*) \*\//;

/** The mark that starts the SQL of a prepared statement named `name` (lower case, `_`). */
export function preparedAs(name: string): string {
	if (!NAME.test(name)) throw new Error(`not a prepared statement's name: ${name}`);
	return `/* prepared: ${name} */`;
}

/** The name of the prepared statement `sql` is, or null for an ordinary query. */
export function preparedName(sql: string): string | null {
	return MARK.exec(sql)?.[1] ?? null;
}
