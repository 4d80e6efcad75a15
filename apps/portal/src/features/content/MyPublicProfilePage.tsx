import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { MyPublicProfileDocument, SaveTherapistProfileDocument, type OwnTherapistProfileFragment } from '../../gql/graphql';
import { loadProblemMessage, toProblem } from './apiProblem';
import { Field } from './Field';
import './content.css';

interface ProfileForm {
  displayName: string;
  pronouns: string;
  credentials: string;
  approach: string;
  specialties: string;
  acceptingNewClients: boolean;
  published: boolean;
}

const fromProfile = (profile: OwnTherapistProfileFragment): ProfileForm => ({
  displayName: profile.displayName,
  pronouns: profile.pronouns ?? '',
  credentials: profile.credentials ?? '',
  approach: profile.approach,
  specialties: profile.specialties.join(', '),
  acceptingNewClients: profile.acceptingNewClients,
  published: profile.published,
});

/** A therapist writes the profile people read in the public directory, in their own words. */
export function MyPublicProfilePage() {
  usePageTitle('Your public profile');
  const client = useApolloClient();
  const { data, loading, error } = useQuery(MyPublicProfileDocument, { fetchPolicy: 'network-only' });
  const [profile, setProfile] = useState<OwnTherapistProfileFragment | null>(null);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data || form) return;
    const own = data.myTherapistProfile;
    setProfile(own ?? null);
    setForm(
      own
        ? fromProfile(own)
        : { displayName: data.me?.displayName ?? '', pronouns: '', credentials: '', approach: '', specialties: '', acceptingNewClients: true, published: false },
    );
  }, [data, form]);

  if (loading && !data) return <p role="status" className="page">Loading your profile…</p>;
  if (error || !form)
    return (
      <p role="alert" className="page notice notice--problem">
        {error ? loadProblemMessage(error) : 'Loading…'}
      </p>
    );
  if (data?.me?.role !== 'THERAPIST')
    return (
      <p role="alert" className="page notice notice--problem">
        Public profiles are for the practice’s therapists.
      </p>
    );

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm({ ...form, [key]: value });
    setNotice(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await client.mutate({
        mutation: SaveTherapistProfileDocument,
        variables: {
          input: {
            ...form,
            specialties: form.specialties
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean),
            version: profile?.version ?? null,
          },
        },
      });
      const saved = result.data!.saveTherapistProfile;
      setProfile(saved);
      setForm(fromProfile(saved));
      setErrors({});
      setNotice(saved.published ? 'Saved. Your profile is in the public directory.' : 'Saved. Your profile is not public until you choose to show it.');
    } catch (caught) {
      const found = toProblem(caught);
      setErrors(found.fields);
      setProblem(
        found.code === 'CONFLICT'
          ? 'Your profile was saved somewhere else after you opened this page. Copy your changes, reload the page, and add them again.'
          : Object.keys(found.fields).length
            ? 'Some of what you entered needs another look. Your text is kept.'
            : found.message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page narrow" aria-labelledby="profile-heading">
      <h1 id="profile-heading">Your public profile</h1>
      <p className="lead">This is what people read when they are deciding whether to reach out. Write it in your own words.</p>
      {profile?.published && (
        <p>
          <a href={`/therapists/${profile.slug}`}>See your profile as the public does</a>
        </p>
      )}
      {problem && (
        <p role="alert" className="notice notice--problem">
          {problem}
        </p>
      )}
      <p role="status">{notice}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field id="displayName" label="Name" error={errors.displayName}>
          {(props) => <input {...props} required maxLength={100} value={form.displayName} onChange={(event) => set('displayName', event.target.value)} />}
        </Field>
        <Field id="pronouns" label="Pronouns (optional)" hint="Like she/her or they/them." error={errors.pronouns}>
          {(props) => <input {...props} maxLength={40} value={form.pronouns} onChange={(event) => set('pronouns', event.target.value)} />}
        </Field>
        <Field id="credentials" label="Credentials (optional)" hint="Qualifications and registrations, as the public should read them." error={errors.credentials}>
          {(props) => <input {...props} maxLength={200} value={form.credentials} onChange={(event) => set('credentials', event.target.value)} />}
        </Field>
        <Field id="approach" label="How you work" hint="A few short paragraphs; leave a blank line between them." error={errors.approach}>
          {(props) => <textarea {...props} required rows={8} maxLength={4000} value={form.approach} onChange={(event) => set('approach', event.target.value)} />}
        </Field>
        <Field id="specialties" label="What you often help with (optional)" hint="Separated by commas, like Grief and loss, Anxiety. At most 12." error={errors.specialties}>
          {(props) => <input {...props} value={form.specialties} onChange={(event) => set('specialties', event.target.value)} />}
        </Field>
        <div className="choice">
          <input id="acceptingNewClients" type="checkbox" checked={form.acceptingNewClients} onChange={(event) => set('acceptingNewClients', event.target.checked)} />
          <label htmlFor="acceptingNewClients">I am accepting new clients</label>
        </div>
        <div className="choice">
          <input id="published" type="checkbox" checked={form.published} onChange={(event) => set('published', event.target.checked)} aria-describedby="published-hint" />
          <label htmlFor="published">Show my profile in the public directory</label>
        </div>
        <p className="hint" id="published-hint">
          Anyone can read a public profile, without signing in.
        </p>
        <p>
          <button type="submit" className="button" disabled={busy}>
            Save my profile
          </button>
        </p>
      </form>
    </section>
  );
}
