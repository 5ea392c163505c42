/**
 * The presenter's keyboard shortcuts, shared by every training view: which key does what, and
 * when a key press is the page's to take (never while typing in a field or on a control that
 * gives the key its own meaning).
 */
import { t } from '../../i18n';

export interface Shortcut {
  keys: string;
  does: string;
}

/** Every shortcut, in the order the help lists them (PlayButton owns space, k and "."). */
export function shortcutList(presetLabels: readonly string[]): Shortcut[] {
  const s = t().shared.shortcuts;
  return [
    { keys: s.playKeys, does: s.play },
    { keys: s.stepKeys, does: s.step },
    { keys: 'R', does: s.reset },
    ...presetLabels.slice(0, 4).map((l, i) => ({ keys: String(i + 1), does: s.preset(l) })),
    { keys: 'P', does: s.presenter },
    { keys: 'F', does: s.fullScreen },
    { keys: '?', does: s.help },
    { keys: s.closeKey, does: s.close },
  ];
}

/** Whether a key press belongs to what has focus (a field, a button, a link…) rather than the page. */
export function keyIsForTarget(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const target = e.target as Element | null;
  if (!target || typeof target.closest !== 'function') return false;
  return target.closest('input, select, textarea, [contenteditable], dialog') !== null;
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
    return t().shared.classroom.fullScreenRefused;
  }
}
