/** Sample writing for the demo practice, written for this project. */
export const DEMO_ARTICLES = [
  {
    title: 'What to expect from a first session',
    summary: 'A first session is mostly about getting to know each other. Here is what usually happens, and what you can ask.',
    tags: ['starting-therapy'],
    body: `## Before you arrive

You don't need to prepare anything. Some people bring a few notes about what brought them here; others prefer to just talk.

## What we will talk about

Your therapist will ask what made you reach out now, and what you hope might be different. You can say as much or as little as feels right.

## Questions you can ask

- How do you usually work?
- What happens if this doesn't feel like a good fit?
- How will we know if it's helping?

It is a good sign when you can ask these openly.`,
  },
  {
    title: 'Feeling safe with your therapist matters',
    summary: 'Research keeps finding that the relationship itself is one of the strongest parts of therapy. What that means for you.',
    tags: ['relationship', 'starting-therapy'],
    body: `Many studies point to the same thing: how safe, heard and understood you feel with your therapist matters at least as much as any technique.

That is why Attune asks you, after each session, how it felt. **Honest answers help, especially the low ones.** They are how therapy gets better.

> It is not rude to say a session didn't work for you. It is useful.`,
  },
  {
    title: 'When therapy feels stuck',
    summary: 'Most people hit a stretch where nothing seems to move. A few ways to talk about it with your therapist.',
    tags: ['relationship'],
    body: `Feeling stuck is common, and it is worth saying out loud.

1. Name it: "I'm not sure we're getting anywhere."
2. Say what you hoped would be different.
3. Ask what your therapist notices.

Often the conversation about being stuck is where things start to move again.`,
  },
  {
    title: 'Small practices between sessions',
    summary: 'A few minutes of reflection between sessions can help you bring more of your week into the room.',
    tags: ['between-sessions'],
    body: `Between sessions, try writing a few lines when something stands out. It doesn't need to be tidy.

Your reflections are private unless you choose to share them with your therapist.`,
  },
];

export const DEMO_DRAFT = {
  title: 'Notes on grief (draft)',
  summary: 'A draft about the many shapes grief can take.',
  tags: ['grief'],
  body: 'This piece is still being written.',
};

/** Public profiles for the demo therapists, in their own (invented) words. */
export const DEMO_PROFILES: {
  email: 'therapist@attune.test' | 'therapist2@attune.test';
  slug: string;
  fields: { displayName: string; pronouns: string; credentials: string; approach: string; specialties: string[]; acceptingNewClients: boolean };
}[] = [
  {
    email: 'therapist@attune.test',
    slug: 'priya-raman',
    fields: {
      displayName: 'Dr. Priya Raman',
      pronouns: 'she/her',
      credentials: 'Clinical psychologist, 12 years in practice',
      approach: `I think of therapy as a working relationship: we figure out together what would help, and we keep checking whether it does.

I draw on cognitive behavioural and compassion-focused approaches, but I care more about how our sessions feel to you than about any method. If something isn't working, I want to hear it, and we'll change course.`,
      specialties: ['Anxiety', 'Low mood', 'Burnout', 'Self-criticism'],
      acceptingNewClients: false,
    },
  },
  {
    email: 'therapist2@attune.test',
    slug: 'sam-okafor',
    fields: {
      displayName: 'Sam Okafor',
      pronouns: 'he/him',
      credentials: 'Psychotherapist and counsellor',
      approach: `People often come to me when something has shifted: a loss, a move, a relationship ending, or a sense that life has become smaller than it used to be.

My way of working is gentle and steady. We go at your pace, and you decide what we talk about. I'll be honest with you, and I'll ask you to tell me honestly how it's going.`,
      specialties: ['Grief and loss', 'Life changes', 'Relationships', 'Identity'],
      acceptingNewClients: true,
    },
  },
];
