import { Link, useRoute } from 'wouter';

function NavLink({ href, match, children }: { href: string; match: string; children: string }) {
  const [active] = useRoute(match);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The bar on every page: skip link, the app's name, the main sections. */
export function AppHeader() {
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link href="/" className="brand">
        Medical codes
      </Link>
      <nav aria-label="Sections">
        <NavLink href="/search" match="/search">
          Search
        </NavLink>
        <NavLink href="/regions" match="/regions/*?">
          Body regions
        </NavLink>
        <NavLink href="/graph/CPT/00300" match="/graph/*?">
          Graph
        </NavLink>
        <a href="/graphiql">GraphiQL</a>
      </nav>
    </header>
  );
}
