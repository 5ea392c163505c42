/**
 * The interface language: one reactive value every message and number format reads, so switching
 * redraws every string at once. Chosen by the link's `lang=` first, then the student's last choice
 * on this device, then the browser's own languages, else English.
 */

// The same key state/shared/storage uses; read and written here so i18n imports no state.
const PREF = 'forgelab:lang';
function readPref(): string | null {
  try {
    return localStorage.getItem(PREF);
  } catch {
    return null;
  }
}
function writePref(v: string): void {
  try {
    localStorage.setItem(PREF, v);
  } catch {
    // Private mode or full storage: the link's lang= still carries the choice.
  }
}

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
/** Each language's name in itself, for the switcher. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** The language a link asks for, or null when it asks for none or for one ForgeLab does not have. */
export function linkLang(hash: string): Lang | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  let v: string | null = null;
  try {
    v = new URLSearchParams(hash.slice(q + 1)).get('lang');
  } catch {
    return null;
  }
  return isLang(v?.trim().toLowerCase()) ? (v!.trim().toLowerCase() as Lang) : null;
}

function browserLang(): Lang | null {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const w of wanted) {
    const base = String(w).toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return null;
}

function initial(): Lang {
  if (typeof location !== 'undefined') {
    const fromLink = linkLang(location.hash);
    if (fromLink) return fromLink;
  }
  const saved = readPref();
  if (isLang(saved)) return saved;
  return browserLang() ?? 'en';
}

class LangState {
  current = $state<Lang>(initial());
}

export const lang = new LangState();

/** Switch the interface language: every string redraws; the choice is kept on this device. */
export function setLang(next: Lang): void {
  if (lang.current === next) return;
  lang.current = next;
  writePref(next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** Follow a link's `lang=` when the address changes (a pasted link, Back). */
export function followLink(hash: string): void {
  const l = linkLang(hash);
  if (l) setLang(l);
}
