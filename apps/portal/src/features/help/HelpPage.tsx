import { usePageTitle } from '../../app/usePageTitle';

export function HelpPage() {
  usePageTitle('Need help now?');
  return (
    <section className="page narrow">
      <h1>Need help now?</h1>
      <p className="lead">If you are in danger or thinking about ending your life, call your local emergency number now.</p>
      <ul>
        <li>In the US, you can call or text 988, any time.</li>
        <li>In the UK and Ireland, you can call Samaritans on 116 123, any time.</li>
        <li>Elsewhere, your local emergency number can connect you with help.</li>
      </ul>
      <p>
        Attune is not monitored in real time. Your therapist may not see messages or reflections until later, so please reach out
        to one of the services above if you need someone now.
      </p>
    </section>
  );
}
