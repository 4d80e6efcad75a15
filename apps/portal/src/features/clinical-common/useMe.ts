import { useQuery } from '@apollo/client/react';
import { ClinicalMeDocument } from '../../gql/graphql';

/** The signed-in person (or null), for the clinical pages' role checks and names. */
export function useMe() {
  const { data, loading, error } = useQuery(ClinicalMeDocument);
  return { me: data?.me ?? null, loading: loading && !data, error };
}
