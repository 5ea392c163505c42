/**
 * The presenter's keyboard shortcuts, shared by every training view: which key does what, and
 * when a key press is the page's to take (never while typing in a field or on a control that
 * gives the key its own meaning).
 */

export interface Shortcut {
  keys: string;
  does: string;
}

/** Every shortcut, in the order the help lists them (PlayButton owns space, k and "."). */
export function shortcutList(presetLabels: readonly string[]): Shortcut[] {
  return [
    { keys: 'Space or K', does: 'Train / pause' },
    { keys: '. or S', does: 'One training step' },
    { keys: 'R', does: 'Reset to step 0 (same seed)' },
    ...presetLabels.slice(0, 4).map((l, i) => ({ keys: String(i + 1), does: `Skew preset ${l}` })),
    { keys: 'P', does: 'Presenter layout on / off' },
    { keys: 'F', does: 'Full screen on / off' },
    { keys: '?', does: 'This list of shortcuts' },
    { keys: 'Esc', does: 'Close a dialog' },
  ];
}

/** Whether a key press belongs to what has focus (a field, a button, a link…) rather than the page. */
export function keyIsForTarget(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const t = e.target as Element | null;
  if (!t || typeof t.closest !== 'function') return false;
  return t.closest('input, select, textarea, [contenteditable], dialog') !== null;
}

/** Fullscreen on or off; the message to show when the browser refuses (null when it went fine). */
export async function toggleFullscreen(el: Element = document.documentElement): Promise<string | null> {
  try {
    if (document.fullscreenElement) {
      await document.exitFullscreen();
      return null;
    }
    if (!el.requestFullscreen) throw new Error('unsupported');
    await el.requestFullscreen();
    return null;
  } catch {
    return 'The browser refused full screen here (it may be embedded, or full screen is blocked). Use the browser’s own full-screen key (F11, or ⌃⌘F on a Mac).';
  }
}
