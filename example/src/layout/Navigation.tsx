import { routes, type RoutePath } from '../routes';

/** The page list. `aria-current` marks where the user is for screen readers and for styling. */
export function Navigation({ current }: { current: RoutePath }) {
  return (
    <nav aria-label="Dashboard" className="navigation">
      <ul>
        {routes.map((route) => (
          <li key={route.path}>
            <a href={`#/${route.path}`} aria-current={route.path === current ? 'page' : undefined}>
              {route.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
