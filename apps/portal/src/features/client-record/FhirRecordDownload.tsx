/**
 * The client's record as a FHIR R4 Bundle, for another health system: served by the API's
 * GET /fhir/R4/Patient/{id}/$everything with the session cookie, so the portal and API tokens get one export, one rule.
 */
export function FhirRecordDownload({ clientId }: { clientId: string }) {
  return (
    <p className="cl-small">
      <a href={`/fhir/R4/Patient/${encodeURIComponent(clientId)}/$everything`} download={`attune-fhir-record-${clientId}.json`}>
        Download FHIR record (for other health systems)
      </a>{' '}
      <span className="meta">
        Sessions, PHQ-9 and GAD-7 answers and totals, and check-in scores, in the format other health systems read. Your private notes
        are never in it.
      </span>
    </p>
  );
}
