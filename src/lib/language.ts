/** The cookie that remembers the language chosen with the switch (`fr` or `en`). */
export const LANGUAGE_COOKIE = 'numeriscope_lang';

/** The cookie that remembers `locale`, as the switch's script and the `/langue` route set it. */
export const languageCookie = (locale: string): string =>
	`${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=34560000; SameSite=Lax`;

/** Whether a `Cookie` header says the switch chose English. */
export const choseEnglish = (cookieHeader: string | null | undefined): boolean =>
	!!cookieHeader && cookieHeader.split(';').some((c) => c.trim() === `${LANGUAGE_COOKIE}=en`);
