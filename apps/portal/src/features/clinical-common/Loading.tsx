/** A clinical page waiting for its data, said in words a screen reader announces. */
export function Loading({ what }: { what: string }) {
  return (
    <section className="page narrow">
      <p role="status">Loading {what}…</p>
    </section>
  );
}
