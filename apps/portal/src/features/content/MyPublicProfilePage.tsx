import { useApolloClient, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { therapistProfileSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, loadProblemMessage, readProblem, type FormProblemState } from '../../app/form-kit';
import { usePageTitle } from '../../app/usePageTitle';
import { MyPublicProfileDocument, SaveTherapistProfileDocument, type OwnTherapistProfileFragment } from './content.generated';
import { splitList } from './splitList';
import './content.css';

// The form holds specialties as one line, separated by commas.
const profileFormSchema = therapistProfileSchema.extend({ specialties: z.preprocess((line) => splitList(String(line)), therapistProfileSchema.shape.specialties) });

interface ProfileForm {
  displayName: string;
  pronouns: string;
  credentials: string;
  approach: string;
  specialties: string;
  acceptingNewClients: boolean;
  published: boolean;
}
const FIELDS = ['displayName', 'pronouns', 'credentials', 'approach', 'specialties', 'acceptingNewClients', 'published'] as const;

const fromProfile = (profile: OwnTherapistProfileFragment): ProfileForm => ({
  displayName: profile.displayName,
  pronouns: profile.pronouns ?? '',
  credentials: profile.credentials ?? '',
  approach: profile.approach,
  specialties: profile.specialties.join(', '),
  acceptingNewClients: profile.acceptingNewClients,
  published: profile.published,
});

const STALE = {
  STALE_VERSION: () => 'Your profile was saved somewhere else after you opened this page. Copy your changes, reload the page, and add them again.',
};

/** A therapist writes the profile people read in the public directory, in their own words. */
export function MyPublicProfilePage() {
  usePageTitle('Your public profile');
  const { data, loading, error } = useQuery(MyPublicProfileDocument, { fetchPolicy: 'network-only' });

  if (loading && !data) return <p role="status" className="page">Loading your profile…</p>;
  if (error || !data)
    return (
      <p role="alert" className="page notice notice--problem">
        {error ? loadProblemMessage(error, 'your profile') : 'Loading…'}
      </p>
    );
  if (data.me?.role !== 'THERAPIST')
    return (
      <p role="alert" className="page notice notice--problem">
        Public profiles are for the practice’s therapists.
      </p>
    );
  return <ProfileEditor own={data.myTherapistProfile ?? null} myName={data.me.displayName} />;
}

function ProfileEditor({ own, myName }: { own: OwnTherapistProfileFragment | null; myName: string }) {
  const client = useApolloClient();
  const [profile, setProfile] = useState(own);
  const form = useForm<ProfileForm, unknown, z.output<typeof profileFormSchema>>({
    // The domain's optional fields take unknown input (the API parses with them too); here they get strings.
    resolver: zodResolver(profileFormSchema) as Resolver<ProfileForm, unknown, z.output<typeof profileFormSchema>>,
    defaultValues: own ? fromProfile(own) : { displayName: myName, pronouns: '', credentials: '', approach: '', specialties: '', acceptingNewClients: true, published: false },
  });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (input) => {
    setProblem(null);
    setNotice(null);
    try {
      const result = await client.mutate({ mutation: SaveTherapistProfileDocument, variables: { input: { ...input, version: profile?.version ?? null } } });
      const saved = result.data!.saveTherapistProfile;
      setProfile(saved);
      form.reset(fromProfile(saved));
      setNotice(saved.published ? 'Saved. Your profile is in the public directory.' : 'Saved. Your profile is not public until you choose to show it.');
    } catch (caught) {
      setProblem(applyProblem(form, readProblem(caught, STALE), FIELDS));
    }
  });

  return (
    <section className="page narrow" aria-labelledby="profile-heading">
      <h1 id="profile-heading">Your public profile</h1>
      <p className="lead">This is what people read when they are deciding whether to reach out. Write it in your own words.</p>
      {profile?.published && (
        <p>
          <a href={`/therapists/${profile.slug}`}>See your profile as the public does</a>
        </p>
      )}
      <FormProblem problem={problem} />
      <p role="status">{notice}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label="Name" problem={errors.displayName?.message}>
          {(control) => <input {...control} required maxLength={100} {...form.register('displayName')} />}
        </Field>
        <Field label="Pronouns (optional)" hint="Like she/her or they/them." problem={errors.pronouns?.message}>
          {(control) => <input {...control} maxLength={40} {...form.register('pronouns')} />}
        </Field>
        <Field label="Credentials (optional)" hint="Qualifications and registrations, as the public should read them." problem={errors.credentials?.message}>
          {(control) => <input {...control} maxLength={200} {...form.register('credentials')} />}
        </Field>
        <Field label="How you work" hint="A few short paragraphs; leave a blank line between them." problem={errors.approach?.message}>
          {(control) => <textarea {...control} required rows={8} maxLength={4000} {...form.register('approach')} />}
        </Field>
        <Field label="What you often help with (optional)" hint="Separated by commas, like Grief and loss, Anxiety. At most 12." problem={errors.specialties?.message}>
          {(control) => <input {...control} {...form.register('specialties')} />}
        </Field>
        <Field label="I am accepting new clients" problem={errors.acceptingNewClients?.message} check>
          {(control) => <input type="checkbox" {...control} {...form.register('acceptingNewClients')} />}
        </Field>
        <Field label="Show my profile in the public directory" hint="Anyone can read a public profile, without signing in." problem={errors.published?.message} check>
          {(control) => <input type="checkbox" {...control} {...form.register('published')} />}
        </Field>
        <p>
          <button type="submit" className="button" disabled={isSubmitting}>
            Save my profile
          </button>
        </p>
      </form>
    </section>
  );
}
