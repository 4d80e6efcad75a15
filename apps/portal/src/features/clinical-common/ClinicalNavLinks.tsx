import { NavLink } from 'react-router';
import { useMe } from './useMe';

/** The clinical pages in the main navigation, for the signed-in person's role (list items for the nav's list). */
export function ClinicalNavLinks() {
  const { me } = useMe();
  if (me?.role === 'CLIENT')
    return (
      <>
        <li>
          <NavLink to="/home">Your home</NavLink>
        </li>
        <li>
          <NavLink to="/reflections">Reflections</NavLink>
        </li>
      </>
    );
  if (me?.role === 'THERAPIST')
    return (
      <li>
        <NavLink to="/caseload">Caseload</NavLink>
      </li>
    );
  if (me?.role === 'ADMIN')
    return (
      <li>
        <NavLink to="/admin/care">Care relationships</NavLink>
      </li>
    );
  return null;
}
