import type { Route, RouteFamily } from './Route.js';

export interface RouteMatch {
  route: Route;
  family: RouteFamily;
  /** `METHOD path-pattern`, the key used by counters, latency and failure injection. */
  key: string;
  path: Record<string, string>;
}

interface Compiled {
  route: Route;
  family: RouteFamily;
  key: string;
  pattern: RegExp;
  names: string[];
}

/** Matches `METHOD /path` against route patterns with `:name` segments. */
export class Router {
  private readonly compiled: Compiled[] = [];

  add(family: RouteFamily, routes: readonly Route[]): this {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.path.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.compiled.push({ route, family, key: `${route.method} ${route.path}`, pattern: new RegExp(`^${source}/?$`), names });
    }
    return this;
  }

  get keys(): string[] {
    return this.compiled.map((c) => c.key);
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    for (const c of this.compiled) {
      if (c.route.method !== method) continue;
      const m = c.pattern.exec(pathname);
      if (!m) continue;
      const path: Record<string, string> = {};
      c.names.forEach((name, i) => {
        const raw = m[i + 1] ?? '';
        try {
          path[name] = decodeURIComponent(raw);
        } catch {
          path[name] = raw;
        }
      });
      return { route: c.route, family: c.family, key: c.key, path };
    }
    return undefined;
  }
}
