/**
 * Browser storage that never throws: private mode, a full disk or a blocked store turn into a
 * return value the caller can show, not an exception.
 */
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

export const STORAGE_WARNING =
  'This browser is not letting ForgeLab save anything (private browsing, blocked or full storage). Training works, and settings live in the link, but anything you type will be lost when the page reloads.';
