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
