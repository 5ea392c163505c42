/** The current hash route as reactive state. */
import { parseHash } from './url';
import { followLink } from '../../i18n';
import type { Route } from './url';

class Router {
  route = $state.raw<Route>(parseHash(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      // a link that names a language switches to it before any view rewrites the link
      followLink(location.hash);
      this.route = parseHash(location.hash);
    });
  }

  /** Rewrite the current URL's query without adding a history entry or re-routing. */
  replaceQuery(query: string): void {
    const hash = `#${this.route.path}${query ? `?${query}` : ''}`;
    if (hash !== location.hash) history.replaceState(null, '', hash);
  }
}

export const router = new Router();
