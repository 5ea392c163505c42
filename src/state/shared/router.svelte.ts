/** The current hash route as reactive state. */
import { parseHash } from './url';
import type { Route } from './url';

class Router {
  route = $state.raw<Route>(parseHash(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
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
