/**
 * Whether `If-None-Match` matches an entity tag, by weak comparison (RFC 9110 §13.1.2): a list
 * of tags, each possibly `W/`-prefixed, or `*`.
 */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const bare = (t: string) => t.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
