import { z } from 'zod';
import { personText } from '../common/common.schema.js';

export const ARTICLE_STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const;
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Tags use lowercase letters, numbers and single hyphens.' })
  .max(40);

export const articleInputSchema = z.object({
  title: personText('Title', 1, 200),
  summary: personText('Summary', 1, 500),
  bodyMarkdown: z.string().max(100_000, { message: 'The article can be at most 100,000 characters.' }),
  tags: z.array(tagSchema).max(10, { message: 'An article can have at most 10 tags.' }).default([]),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

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
