/**
 * The one format every view's settings are declared in. A view's settings are a table: one row
 * a setting (kind, range or options, URL key, label, one-line help, section) and the defaults.
 * The controls, the link codec (state/shared/url.ts) and clamping are all driven by it, so a new
 * view only declares its table.
 *
 * Kinds: `int` (whole numbers), `float`, `log` (a float the controls move on a log scale),
 * `enum` (one of a few words) and `choice` (one of a fixed set of numbers, e.g. image sizes).
 */

interface Row<K extends string, S extends string> {
  key: K;
  /** The short key in the link. */
  url: string;
  label: string;
  help: string;
  section: S;
}
export interface NumberRow<K extends string = string, S extends string = string> extends Row<K, S> {
  kind: 'int' | 'float' | 'log';
  min: number;
  max: number;
  step?: number;
  format?: 'percent' | 'plain' | 'exp';
  /** What the control shows for 0 when 0 stands for something else (δ: 0 means 1/n). */
  zeroLabel?: string;
}
export interface EnumRow<K extends string = string, S extends string = string> extends Row<K, S> {
  kind: 'enum';
  options: { value: string; label: string }[];
}
export interface ChoiceRow<K extends string = string, S extends string = string> extends Row<K, S> {
  kind: 'choice';
  options: { value: number; label: string }[];
}
export type SettingRow<K extends string = string, S extends string = string> = NumberRow<K, S> | EnumRow<K, S> | ChoiceRow<K, S>;

/** A view's settings: the rows (in the order links and controls list them) and their defaults. */
export interface SettingsTable<T extends object, S extends string = string> {
  rows: readonly SettingRow<keyof T & string, S>[];
  defaults: Readonly<T>;
}

/** Links keep 4 significant digits of a non-integer setting; decoding keeps the same. */
export const roundForLink = (v: number) => Number(v.toPrecision(4));

/**
 * A number into a row's range: integers rounded, other numbers to 4 significant digits (what a
 * link keeps), -0 as 0. Not a finite number gives null.
 */
export function clampNumber(row: NumberRow, v: number): number | null {
  if (!Number.isFinite(v)) return null;
  const x = Math.min(row.max, Math.max(row.min, v));
  const r = row.kind === 'int' ? Math.round(x) : Math.min(row.max, Math.max(row.min, roundForLink(x)));
  return r === 0 ? 0 : r;
}

/** Whether a value is one a row allows (of its type, in range, whole or an option). */
export function isValid(row: SettingRow, v: unknown): boolean {
  if (row.kind === 'enum' || row.kind === 'choice') return row.options.some((o) => o.value === v);
  return typeof v === 'number' && Number.isFinite(v) && v >= row.min && v <= row.max && (row.kind !== 'int' || Number.isInteger(v));
}

/**
 * Problems with a table, for its test: URL keys repeated or clashing with view keys, a key
 * without a default, a default the row does not allow.
 */
export function tableProblems<T extends object>(table: SettingsTable<T>, viewKeys: readonly string[] = []): string[] {
  const out: string[] = [];
  const urls = new Set<string>();
  for (const row of table.rows) {
    if (urls.has(row.url) || viewKeys.includes(row.url)) out.push(`URL key ${row.url} is used twice`);
    urls.add(row.url);
    if (!(row.key in table.defaults)) out.push(`${row.key} has no default`);
    else if (!isValid(row, (table.defaults as Record<string, unknown>)[row.key])) out.push(`${row.key}'s default is not allowed by its row`);
    if (row.kind !== 'enum' && row.kind !== 'choice' && !(row.min < row.max)) out.push(`${row.key} has an empty range`);
  }
  return out;
}

/** A table with more rows (and their defaults) after a base table's, or with other defaults. */
export function extendTable<T extends object, E extends object, S extends string>(
  base: SettingsTable<T, S>,
  rows: readonly SettingRow<keyof E & string, S>[],
  defaults: Readonly<T & E>,
): SettingsTable<T & E, S> {
  return { rows: [...base.rows, ...rows] as SettingRow<keyof (T & E) & string, S>[], defaults };
}
