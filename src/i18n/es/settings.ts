/** Spanish for the settings tables' English texts (labels, help lines, option names), by that text. */
export const ES_SETTINGS: Readonly<Record<string, string>> = {};
