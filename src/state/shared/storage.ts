/**
 * Browser storage that never throws: private mode, a full disk or a blocked store turn into a
 * return value the caller can show, not an exception.
 */
import { t } from '../../i18n';

export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(`forgelab:${key}`);
  } catch {
    return null;
  }
}

/** False when the value could not be saved. */
export function writePref(key: string, value: string): boolean {
  try {
    localStorage.setItem(`forgelab:${key}`, value);
    return true;
  } catch {
    return false;
  }
}

/** Whether this browser lets the page keep anything (false in some private modes or when blocked or full). */
export function storageAvailable(): boolean {
  try {
    const k = 'forgelab:probe';
    localStorage.setItem(k, '1');
    localStorage.removeItem(k);
    return true;
  } catch {
    return false;
  }
}

/** What a view says when storageAvailable() is false, in the interface language. */
export const storageWarning = (): string => t().shared.storageWarning;
