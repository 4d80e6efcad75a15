import { NavLink, Outlet, useLocation } from 'react-router';
import { Suspense, useEffect, useRef } from 'react';
import { useViewer } from '../features/identity/useViewer';

/** The frame of every page: skip link, navigation, the crisis link, and focus moved to new content. */
export function Layout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    // After navigation, screen reader and keyboard users start at the new page's content.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A page that has already put focus on its own content (its heading, say) keeps it.
    if (main.current?.contains(document.activeElement) && document.activeElement !== main.current) return;
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" aria-label="Attune, home">
            <span aria-hidden="true" className="brand__mark" />
            Attune
          </NavLink>
          <MainNav />
          <NavLink to="/help" className="help-link">
            Need help now?
          </NavLink>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Attune is not an emergency service and is not monitored around the clock. <NavLink to="/help">Need help now?</NavLink>
        </p>
      </footer>
    </>
  );
}

/** Links only to pages that exist for this person's role; the rest of each role's pages are one click from its home. */
function MainNav() {
  const { viewer, loading, signOut, signingOut } = useViewer();
  const links: [string, string][] =
    viewer?.role === 'CLIENT'
      ? [['/home', 'Your home'], ['/reflections', 'Reflections'], ['/shared-articles', 'Shared with you'], ['/articles', 'Articles']]
      : viewer?.role === 'THERAPIST'
        ? [['/caseload', 'Caseload'], ['/invite-client', 'Invite a client'], ['/send-article', 'Send an article'], ['/articles', 'Articles']]
        : viewer?.role === 'ADMIN'
          ? [['/', 'Home'], ['/admin/care', 'Care'], ['/admin/articles', 'Writing'], ['/admin/audit', 'Audit log']]
          : [['/articles', 'Articles']];
  return (
    <nav aria-label="Main">
      <ul className="nav-list">
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end={to === '/'}>
              {label}
            </NavLink>
          </li>
        ))}
        {viewer && (
          <li>
            <NavLink to="/account">Account</NavLink>
          </li>
        )}
        {viewer && (
          <li>
            <SignOutButton busy={signingOut} onSignOut={() => void signOut()} />
          </li>
        )}
        {!viewer && !loading && (
          <>
            {/* Server-rendered public pages: a full page load, as from the public site's own header. */}
            <li>
              <a href="/therapists">Our therapists</a>
            </li>
            <li>
              <a href="/first-conversation">Request a first conversation</a>
            </li>
            <li>
              <NavLink to="/sign-in">Sign in</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

function SignOutButton({ busy, onSignOut }: { busy: boolean; onSignOut: () => void }) {
  return (
    <button type="button" className="link-button nav-button" onClick={onSignOut} disabled={busy}>
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}

/** While a page's code arrives: inside the main landmark, marked busy, announced politely. */
function PageLoading() {
  return (
    <div aria-busy="true">
      <p role="status">Loading…</p>
    </div>
  );
}
