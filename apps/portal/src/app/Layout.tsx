import { NavLink, Outlet, useLocation } from 'react-router';
import { useEffect, useRef } from 'react';
import { ClinicalNavLinks } from '../features/clinical-common/ClinicalNavLinks';

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
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/articles">Articles</NavLink>
              </li>
              {/* Clinical links for the signed-in role (issue 4): one line to move into the shared role navigation. */}
              <ClinicalNavLinks />
            </ul>
          </nav>
          <NavLink to="/help" className="help-link">
            Need help now?
          </NavLink>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Attune is not an emergency service and is not monitored around the clock. <NavLink to="/help">Need help now?</NavLink>
        </p>
      </footer>
    </>
  );
}
