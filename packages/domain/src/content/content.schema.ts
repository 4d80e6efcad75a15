import { z } from 'zod';
import { idSchema, personText } from '../common/common.schema.js';
import { emailSchema } from '../identity/identity.schema.js';

export const ARTICLE_STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const;
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Tags use lowercase letters, numbers and single hyphens.' })
  .max(40);

/** The contract's createArticle input: what every article needs. */
export const articleInputSchema = z.object({
  title: personText('Title', 1, 200),
  summary: personText('Summary', 1, 500),
  bodyMarkdown: z.string().max(100_000, { message: 'The article can be at most 100,000 characters.' }),
  tags: z
    .array(tagSchema)
    .max(10, { message: 'An article can have at most 10 tags.' })
    .default([])
    .transform((tags) => [...new Set(tags)]),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

export const ARTICLE_SLUG_MAX = 100;
export const articleSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'The address is needed.' })
  .max(ARTICLE_SLUG_MAX, { message: `The address can be at most ${ARTICLE_SLUG_MAX} characters.` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'The address uses lowercase letters, numbers and single hyphens, like what-to-expect.' });

/** Blank text from a form means "none": stored as null, not as an empty string. */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
export function optionalText(label: string, max: number) {
  return z.preprocess(blankToNull, personText(label, 1, max).nullable().optional()).transform((value) => value ?? null);
}

/** Cover images are linked, not uploaded; https only, so a page never mixes in insecure content. */
export const imageUrlSchema = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(2000, { message: 'The image address can be at most 2,000 characters.' })
    .pipe(z.url({ protocol: /^https$/, message: 'The image address needs to start with https://.' }))
    .nullable()
    .optional(),
).transform((value) => value ?? null);

export const SEO_TITLE_MAX = 70;
export const SEO_DESCRIPTION_MAX = 300;

/**
 * Everything an article holds, as saved. The API checks the whole article after applying a change, so
 * rules that span fields (a cover image needs its description) hold whatever was sent.
 */
export const articleDraftSchema = articleInputSchema
  .extend({
    slug: articleSlugSchema,
    coverImageUrl: imageUrlSchema,
    coverImageAlt: optionalText('Image description', 300),
    seoTitle: optionalText('Search title', SEO_TITLE_MAX),
    seoDescription: optionalText('Search description', SEO_DESCRIPTION_MAX),
    authorId: idSchema,
  })
  .superRefine((article, ctx) => {
    if (article.coverImageUrl && !article.coverImageAlt) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverImageAlt'],
        message: 'Please describe the image for people who cannot see it.',
      });
    }
  });
export type ArticleDraft = z.infer<typeof articleDraftSchema>;

export const articleVersionSchema = z.number().int().min(1, { message: 'Send the version you loaded.' });

/** A future time schedules; a time already past is refused (leave it out to publish now). */
export function publishTimeProblem(at: Date, now: Date = new Date()): string | null {
  if (Number.isNaN(at.getTime())) return 'Please choose a date and time.';
  // A minute of grace for clocks and slow forms: "now" from the browser is not a mistake.
  if (at.getTime() < now.getTime() - 60_000) return 'Choose a time in the future, or publish now.';
  return null;
}

/** A readable, URL-safe slug from a title. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'article';
}

/** `base`, or `base-2`, `base-3`… : the first candidate `taken` does not claim. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, ARTICLE_SLUG_MAX - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A therapist's public profile, in their own words. */
export const therapistProfileSchema = z.object({
  displayName: personText('Name', 1, 100),
  pronouns: optionalText('Pronouns', 40),
  credentials: optionalText('Credentials', 200),
  approach: personText('Your approach', 1, 4_000),
  specialties: z
    .array(personText('Specialty', 1, 60))
    .max(12, { message: 'List at most 12 specialties.' })
    .default([])
    // "Grief" and "grief" are the same specialty.
    .transform((items) => items.filter((item, index) => items.findIndex((other) => other.toLowerCase() === item.toLowerCase()) === index)),
  acceptingNewClients: z.boolean(),
  published: z.boolean(),
});
export type TherapistProfileInput = z.infer<typeof therapistProfileSchema>;

export const CONTACT_PREFERENCES = ['EMAIL', 'PHONE'] as const;
export const contactPreferenceSchema = z.enum(CONTACT_PREFERENCES);

/** "Request a first conversation": only a name and a way to reach the person are needed. */
export const firstConversationRequestSchema = z
  .object({
    name: personText('Your name', 1, 100),
    email: emailSchema,
    phone: z
      .preprocess(
        blankToNull,
        z
          .string()
          .trim()
          .regex(/^\+?[0-9 ().-]{6,30}$/, { message: 'Please enter a phone number with digits, like +1 555 010 0199.' })
          .nullable()
          .optional(),
      )
      .transform((value) => value ?? null),
    preferredContact: contactPreferenceSchema.default('EMAIL'),
    therapistProfileId: z.preprocess(blankToNull, idSchema.nullable().optional()).transform((value) => value ?? null),
    message: optionalText('Your message', 2_000),
  })
  .superRefine((request, ctx) => {
    if (request.preferredContact === 'PHONE' && !request.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Please add a phone number, or choose email instead.' });
    }
  });
export type FirstConversationRequest = z.infer<typeof firstConversationRequestSchema>;

/** A therapist sends a published article to a client, with a line of their own. */
export const shareArticleSchema = z.object({
  articleId: idSchema,
  clientId: idSchema,
  note: optionalText('Your note', 500),
});
export type ShareArticle = z.infer<typeof shareArticleSchema>;
