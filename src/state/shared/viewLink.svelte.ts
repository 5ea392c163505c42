/**
 * What every view does with its link and its tab: the settings follow the link (on load and
 * whenever the address changes) and the link follows the settings (replaced, so Back is not
 * flooded), and training pauses while the tab is hidden and resumes when it is shown.
 * Call from a component's script: it sets up effects owned by that component.
 */
import { onDestroy, untrack } from 'svelte';
import { router } from './router.svelte';
import { rewordNotices } from './url';
import { lang } from '../../i18n/lang.svelte';

/** View keys a view's own settings never hold but its link keeps (the projector layout, embedding). */
const KEPT_KEYS = ['present', 'embed'] as const;

export interface LinkBinding<S> {
  /** The route's query (a prop: read it in a getter so the effect tracks it). */
  params: () => URLSearchParams;
  /** Settings and plain-language notices from a link. */
  decode: (params: URLSearchParams) => { settings: S; notices: string[] };
  /** Put decoded settings in place (and start training if the link asks with play=1). */
  apply: (settings: S, notices: string[], params: URLSearchParams) => void;
  /** The query of the current settings, with the kept view keys added (read reactively). */
  encode: (kept: Record<string, string>) => string;
  /** Where the view keeps the link's notices: reworded in place when the language changes. */
  notices?: { get(): string[]; set(v: string[]): void };
}


export function bindToLink<S>(b: LinkBinding<S>): void {
  /** The query this view last wrote itself, so its own writes are not applied again. */
  let written: string | null = null;
  /** The notices the last applied link gave, in the language they were worded in. */
  let fromLink: string[] = [];
  let wordedIn = untrack(() => lang.current);
  $effect(() => {
    const params = b.params();
    const query = params.toString();
    untrack(() => {
      if (query === written) return;
      const d = b.decode(params);
      fromLink = d.notices;
      wordedIn = lang.current;
      b.apply(d.settings, d.notices, params);
    });
  });
  // a language switch rewords the link's notices still shown (the settings stay as they are)
  $effect(() => {
    const now = lang.current;
    untrack(() => {
      if (now === wordedIn || !b.notices || !fromLink.length) return;
      wordedIn = now;
      const again = b.decode(b.params()).notices;
      const shown = b.notices.get();
      if (fromLink.some((n) => shown.includes(n))) b.notices.set(rewordNotices(shown, fromLink.filter((n) => shown.includes(n)), again.filter((_, i) => shown.includes(fromLink[i]))));
      fromLink = again;
    });
  });
  $effect(() => {
    const kept = untrack(() => keptKeys(b.params()));
    // The interface language stays in the link (issue 17), so a shared link opens in it.
    if (lang.current !== 'en') kept.lang = lang.current;
    const query = b.encode(kept);
    written = query;
    router.replaceQuery(query);
  });
}

/** A training view's `apply`: show the link's notices, put the settings in place, then play if it asks (play=1). */
export function applyToRun<S>(run: { notices: string[]; apply(settings: S): Promise<unknown>; play(): void }) {
  return (settings: S, notices: string[], params: URLSearchParams): void => {
    if (notices.length) run.notices = [...run.notices, ...notices];
    void run.apply(settings).then(() => {
      if (params.get('play') === '1') run.play();
    });
  };
}

function keptKeys(p: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEPT_KEYS) {
    const v = p.get(k);
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Pause training while the tab is hidden and resume it when shown (if it was running). */
export function pauseWhileHidden(run: { readonly running: boolean; pause(): void; play(): void }): void {
  let resumeOnShow = false;
  const onVisibility = () => {
    if (document.hidden && run.running) {
      run.pause();
      resumeOnShow = true;
    } else if (!document.hidden && resumeOnShow) {
      resumeOnShow = false;
      run.play();
    }
  };
  document.addEventListener('visibilitychange', onVisibility);
  onDestroy(() => document.removeEventListener('visibilitychange', onVisibility));
}
