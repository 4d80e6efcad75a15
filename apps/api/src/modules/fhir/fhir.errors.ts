import type { OperationOutcome } from '@medplum/fhirtypes';

/** The OperationOutcome issue codes the FHIR routes answer with (a subset of FHIR's issue-type value set). */
export type FhirIssueCode = 'login' | 'forbidden' | 'not-found' | 'not-supported' | 'required' | 'invalid' | 'throttled' | 'transient' | 'exception';

/**
 * A refusal on a FHIR route: the HTTP status and the OperationOutcome it is answered with. Every FHIR
 * answer that is not a resource is one of these, so a FHIR client reads one shape whatever refused it.
 */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: FhirIssueCode,
    message: string,
    /** Where in the request the problem is, e.g. `code` for a search parameter (FHIR's `issue.expression`). */
    readonly expression?: string,
  ) {
    super(message);
  }
}

export function operationOutcome(code: FhirIssueCode, message: string, expression?: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: code === 'exception' ? 'fatal' : 'error', code, diagnostics: message, ...(expression ? { expression: [expression] } : {}) }],
  };
}

export const fhirNotFound = (what: string) => new FhirError(404, 'not-found', `${what} could not be found.`);
