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
