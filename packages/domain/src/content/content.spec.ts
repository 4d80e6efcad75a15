import {
  articleDraftSchema,
  articleSlugSchema,
  firstConversationRequestSchema,
  publishTimeProblem,
  shareArticleSchema,
  therapistProfileSchema,
  uniqueSlug,
} from '../index.js';

const AUTHOR = '7f1c8a3e-2b4d-4c6e-8f0a-1b2c3d4e5f60';
const draft = {
  title: 'On starting',
  summary: 'A short piece.',
  bodyMarkdown: 'Hello',
  tags: ['starting-therapy', 'starting-therapy'],
  slug: 'on-starting',
  coverImageUrl: '',
  coverImageAlt: '  ',
  seoTitle: null,
  seoDescription: undefined,
  authorId: AUTHOR,
};

describe('content rules', () => {
  it('reads blank optional fields as none, and removes repeated tags', () => {
    const parsed = articleDraftSchema.parse(draft);
    expect(parsed).toMatchObject({ coverImageUrl: null, coverImageAlt: null, seoTitle: null, seoDescription: null, tags: ['starting-therapy'] });
  });

  it('needs a description for a cover image, and an https address', () => {
    const noAlt = articleDraftSchema.safeParse({ ...draft, coverImageUrl: 'https://images.example/a.jpg' });
    expect(noAlt.error?.issues.map((issue) => issue.path)).toEqual([['coverImageAlt']]);
    const insecure = articleDraftSchema.safeParse({ ...draft, coverImageUrl: 'http://images.example/a.jpg', coverImageAlt: 'A path' });
    expect(insecure.error?.issues[0]?.path).toEqual(['coverImageUrl']);
    const script = articleDraftSchema.safeParse({ ...draft, coverImageUrl: 'javascript:alert(1)', coverImageAlt: 'x' });
    expect(script.success).toBe(false);
    expect(articleDraftSchema.safeParse({ ...draft, coverImageUrl: 'https://images.example/a.jpg', coverImageAlt: 'A quiet path' }).success).toBe(true);
  });

  it('keeps addresses readable', () => {
    expect(articleSlugSchema.parse(' What-To-Expect ')).toBe('what-to-expect');
    expect(articleSlugSchema.safeParse('two--hyphens').success).toBe(false);
    expect(articleSlugSchema.safeParse('../etc').success).toBe(false);
    expect(articleSlugSchema.safeParse('').success).toBe(false);
  });

  it('finds the first free slug', () => {
    expect(uniqueSlug('grief', new Set())).toBe('grief');
    expect(uniqueSlug('grief', new Set(['grief', 'grief-2']))).toBe('grief-3');
    expect(uniqueSlug('a'.repeat(100), new Set(['a'.repeat(100)]))).toHaveLength(100);
  });

  it('schedules only in the future, with a minute of grace', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(publishTimeProblem(new Date('2026-06-02T09:00:00Z'), now)).toBeNull();
    expect(publishTimeProblem(new Date('2026-06-01T11:59:30Z'), now)).toBeNull();
    expect(publishTimeProblem(new Date('2026-05-31T12:00:00Z'), now)).toMatch(/future/);
    expect(publishTimeProblem(new Date('nonsense'), now)).not.toBeNull();
  });

  it('keeps a therapist profile tidy', () => {
    const parsed = therapistProfileSchema.parse({
      displayName: ' Sam Okafor ',
      pronouns: '',
      approach: 'I listen first.',
      specialties: ['Grief', 'grief', 'Anxiety'],
      acceptingNewClients: true,
      published: true,
    });
    expect(parsed).toMatchObject({ displayName: 'Sam Okafor', pronouns: null, credentials: null, specialties: ['Grief', 'Anxiety'] });
  });

  it('asks for a phone number only when the person prefers a call', () => {
    const base = { name: 'Kim', email: 'kim@example.org' };
    expect(firstConversationRequestSchema.parse(base)).toMatchObject({ preferredContact: 'EMAIL', phone: null, message: null, therapistProfileId: null });
    const call = firstConversationRequestSchema.safeParse({ ...base, preferredContact: 'PHONE' });
    expect(call.error?.issues[0]?.path).toEqual(['phone']);
    expect(firstConversationRequestSchema.safeParse({ ...base, phone: 'call me maybe' }).success).toBe(false);
    expect(firstConversationRequestSchema.safeParse({ ...base, preferredContact: 'PHONE', phone: '+1 555 010 0199' }).success).toBe(true);
  });

  it('lets a note be left out', () => {
    const ids = { articleId: AUTHOR, clientId: AUTHOR };
    expect(shareArticleSchema.parse({ ...ids, note: ' ' }).note).toBeNull();
    expect(shareArticleSchema.safeParse({ ...ids, note: 'x'.repeat(501) }).success).toBe(false);
  });
});
