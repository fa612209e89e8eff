/** The cookie that remembers the language chosen with the switch (`fr` or `en`). */
export const LANGUAGE_COOKIE = 'numeriscope_lang';
