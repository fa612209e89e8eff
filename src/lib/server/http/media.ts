/** Whether a `content-type` is JSON as the API takes it: `application/json`, maybe UTF-8. */
export function isJsonType(type: string): boolean {
	const [media, ...params] = type.split(';').map((s) => s.trim().toLowerCase());
	return media === 'application/json' && params.every((p) => p === '' || p === 'charset=utf-8');
}
