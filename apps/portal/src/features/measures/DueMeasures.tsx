import { Link } from 'react-router';
import type { ClientHomePageQuery } from '../client-home/client-home.generated';
import { MEASURE_WORDS, measurePath, progressWords } from './measure-words';

/**
 * The client's home: the questions their therapist asked them to answer that are due now, each a link to
 * its form, saying where a kept draft is. Nothing at all when nothing is due. Light on purpose: the form
 * itself is its own page and chunk.
 */
export function DueMeasures({ due, therapistName }: { due: ClientHomePageQuery['dueMeasures']; therapistName: string | null }) {
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="due-measures" className="cl-section">
      <h2 id="due-measures">A few questions for you</h2>
      <p>
        {therapistName ?? 'Your therapist'} asked you to answer some short questions about how things have been. Each takes two or three minutes, and you can stop and come back
        to it.
      </p>
      <ul className="cl-list">
        {due.map((measure) => {
          const progress = progressWords(measure.draftAnswers);
          return (
            <li key={measure.kind} className="cl-item">
              <p className="cl-item__title">
                <Link to={measurePath(measure.kind)}>
                  {measure.definition.name} — {MEASURE_WORDS[measure.kind].about}
                </Link>
              </p>
              <p className="meta">
                {progress.answered > 0
                  ? `You've answered ${progress.answered} of ${progress.total}. We kept your answers for you.`
                  : `${progress.total} questions.`}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
