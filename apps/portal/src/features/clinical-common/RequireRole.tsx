import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import type { ClinicalMeQuery, Role } from '../../gql/graphql';
import { useMe } from './useMe';

export type Me = NonNullable<ClinicalMeQuery['me']>;

/** Shows the page to people whose role it is for; everyone else gets a calm explanation instead. */
export function RequireRole({ roles, children }: { roles: Role[]; children: (me: Me) => ReactNode }) {
  const { me, loading, error } = useMe();
  if (loading) return <Loading />;
  if (error && !me) return <Unreachable />;
  if (!me) return <SignInFirst />;
  if (!roles.includes(me.role)) return <NotForYou />;
  return <>{children(me)}</>;
}

export function Loading({ what = 'this page' }: { what?: string }) {
  return (
    <section className="page narrow">
      <p role="status">Loading {what}…</p>
    </section>
  );
}

function Unreachable() {
  usePageTitle('We could not connect');
  return (
    <section className="page narrow">
      <h1>We couldn't reach Attune just now</h1>
      <p>Please check your connection and try again in a moment.</p>
    </section>
  );
}

function SignInFirst() {
  usePageTitle('Please sign in');
  return (
    <section className="page narrow">
      <h1>Please sign in</h1>
      <p>This page is part of your private space in Attune, so we need to know it's you first.</p>
      <p>
        <Link className="button" to="/sign-in">
          Sign in
        </Link>
      </p>
    </section>
  );
}

function NotForYou() {
  usePageTitle('Not available');
  return (
    <section className="page narrow">
      <h1>This page isn't part of your account</h1>
      <p>It is for people with a different role in the practice.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
