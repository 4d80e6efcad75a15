import type { Role } from '@attune/domain';
import { slugify } from '@attune/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { ArticleRevisionEntity } from '../../modules/content/article-revision.entity';
import { ArticleEntity } from '../../modules/content/article.entity';
import { SharedArticleEntity } from '../../modules/content/shared-article.entity';
import { TherapistProfileEntity } from '../../modules/directory/therapist-profile.entity';
import { renderMarkdown } from '../../modules/content/markdown';
import { hashPassword } from '../../modules/identity/password';
import { UserEntity } from '../../modules/users/user.entity';
import { seedDemoClinical } from './demo-clinical';
import { DEMO_ARTICLES, DEMO_DRAFT, DEMO_PROFILES } from './demo-content';

export const DEMO_PASSWORD = 'attune-demo-password';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  mfa: boolean;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@attune.test', displayName: 'Alex Morgan', role: 'ADMIN', mfa: true },
  { email: 'therapist@attune.test', displayName: 'Dr. Priya Raman', role: 'THERAPIST', mfa: true },
  { email: 'therapist2@attune.test', displayName: 'Sam Okafor', role: 'THERAPIST', mfa: true },
  { email: 'client@attune.test', displayName: 'Jordan Lee', role: 'CLIENT', mfa: false },
  { email: 'client2@attune.test', displayName: 'Riley Chen', role: 'CLIENT', mfa: false },
  { email: 'client3@attune.test', displayName: 'Morgan Diaz', role: 'CLIENT', mfa: false },
];

const EXTRA_CLIENT_NAMES = [
  'Avery Brooks', 'Kai Nakamura', 'Elena Petrova', 'Marcus Bell', 'Sofia Alvarez', 'Tomás Silva',
  'Hana Kim', 'Owen Walsh', 'Leila Farah', 'Ben Carter', 'Maya Singh', 'Iris Novak',
];

/** SEED_DEMO_DATA: `auto` seeds outside production only, so a production database starts with no accounts. */
export function demoDataWanted(config: Pick<AppConfig, 'SEED_DEMO_DATA' | 'isProduction'>) {
  return config.SEED_DEMO_DATA === 'always' || (config.SEED_DEMO_DATA === 'auto' && !config.isProduction);
}

/** Loads the contract's demo data into an empty database, all in one transaction; returns whether it did. */
export async function seedDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialize concurrent starters on PostgreSQL: only one of them seeds.
    await manager.query('SELECT pg_advisory_xact_lock(727001)');
    if ((await manager.count(UserEntity)) > 0) return false;
    await seedDemoData(manager);
    return true;
  });
}

export async function seedDemoData(manager: EntityManager) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, UserEntity>();
  for (const demo of DEMO_USERS) {
    const user = await manager.save(
      manager.create(UserEntity, {
        email: demo.email,
        displayName: demo.displayName,
        role: demo.role,
        passwordHash,
        mfaEnabled: demo.mfa,
        mfaSecret: demo.mfa ? DEMO_TOTP_SECRET : null,
      }),
    );
    users.set(demo.email, user);
  }
  const admin = users.get('admin@attune.test')!;
  const therapist = users.get('therapist@attune.test')!;
  const therapist2 = users.get('therapist2@attune.test')!;

  // The therapist's caseload: client, client2 and twelve more, so the caseload view has something to show.
  for (const [index, name] of EXTRA_CLIENT_NAMES.entries()) {
    const email = `client${index + 4}@attune.test`;
    users.set(email, await manager.save(manager.create(UserEntity, { email, displayName: name, role: 'CLIENT', passwordHash })));
  }
  await seedDemoClinical(manager, users);
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const published = await manager.save(
    DEMO_ARTICLES.map((article, index) =>
      manager.create(ArticleEntity, {
        slug: slugify(article.title),
        title: article.title,
        summary: article.summary,
        bodyMarkdown: article.body,
        bodyHtml: renderMarkdown(article.body),
        tags: article.tags,
        status: 'PUBLISHED',
        publishedAt: new Date(now - (index + 1) * 7 * day),
        authorId: index % 2 === 0 ? therapist.id : admin.id,
      }),
    ),
  );
  const draft = await manager.save(
    manager.create(ArticleEntity, {
      slug: slugify(DEMO_DRAFT.title),
      title: DEMO_DRAFT.title,
      summary: DEMO_DRAFT.summary,
      bodyMarkdown: DEMO_DRAFT.body,
      bodyHtml: renderMarkdown(DEMO_DRAFT.body),
      tags: DEMO_DRAFT.tags,
      status: 'DRAFT',
      publishedAt: null,
      authorId: admin.id,
    }),
  );
  // Every article starts its history with the revision that created it.
  await manager.insert(
    ArticleRevisionEntity,
    [...published, draft].map((article) => ({
      articleId: article.id,
      version: article.version,
      event: 'CREATED' as const,
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      bodyMarkdown: article.bodyMarkdown,
      tags: article.tags,
      authorId: article.authorId,
      editedById: admin.id,
    })),
  );

  // The public directory: one therapist with room for new clients, one whose caseload is full.
  const profileOwners = { 'therapist@attune.test': therapist, 'therapist2@attune.test': therapist2 } as const;
  await manager.save(
    DEMO_PROFILES.map((profile) =>
      manager.create(TherapistProfileEntity, { ...profile.fields, slug: profile.slug, userId: profileOwners[profile.email].id, published: true }),
    ),
  );

  // Publishing wired into care: the therapist sent their client an article, with a line of their own.
  await manager.insert(SharedArticleEntity, {
    articleId: published[1]!.id,
    therapistId: therapist.id,
    clientId: users.get('client@attune.test')!.id,
    note: 'This made me think of what you said last week about not wanting to seem ungrateful. It is all right to tell me when something is not working.',
  });
  return users;
}
