import { Inject, Injectable } from '@nestjs/common';
import { idSchema, pageArgsSchema, shareArticleSchema } from '@attune/domain';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { badInput, forbidden, notFound, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import type { SharedArticle } from './article.model';
import { ArticlesRepository } from './articles.repository';
import { toArticle } from './articles.service';
import type { ShareArticleInput } from './dto/article.inputs';
import type { SharedArticleEntity } from './shared-article.entity';
import { SharedArticlesRepository } from './shared-articles.repository';

/** Publishing wired into care: a therapist sends a published article to a client, with a line of their own. */
@Injectable()
export class SharedArticlesService {
  constructor(
    private readonly shared: SharedArticlesRepository,
    private readonly articles: ArticlesRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private toShared(entity: SharedArticleEntity, now = new Date()): SharedArticle {
    return {
      id: entity.id,
      article: toArticle(entity.article!, this.config.PUBLIC_URL, now),
      note: entity.note,
      sharedBy: { displayName: entity.therapist?.displayName ?? '' },
      sharedAt: entity.createdAt,
    };
  }

  async share(viewer: Viewer, input: ShareArticleInput): Promise<SharedArticle> {
    if (viewer.role !== 'THERAPIST') throw forbidden('Only therapists can send articles to their clients.');
    const share = parseInput(shareArticleSchema, input, ['input']);
    return this.dataSource.transaction(async (manager) => {
      // A client outside your care is answered as one that does not exist.
      if (!(await this.shared.isActiveCare(viewer.userId, share.clientId, manager))) throw notFound('That client');
      if (!(await this.articles.findPublicById(share.articleId, new Date(), manager))) throw notFound('That published article');
      const id = await this.shared.insert(manager, { ...share, therapistId: viewer.userId });
      await this.audit.record(
        { action: 'article.shared', actor: viewer, targetType: 'shared_article', targetId: id, subjectUserId: share.clientId, metadata: { articleId: share.articleId } },
        manager,
      );
      return this.toShared((await this.shared.findById(manager, id))!);
    });
  }

  /** A client's shared articles; a therapist's view of what they sent one of their clients. */
  async list(viewer: Viewer, args: { clientId?: string | null; first?: number | null; after?: string | null }) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    let clientId: string;
    let therapistId: string | null = null;
    if (viewer.role === 'CLIENT') {
      if (args.clientId && args.clientId !== viewer.userId) throw notFound('That client');
      clientId = viewer.userId;
    } else if (viewer.role === 'THERAPIST') {
      if (!args.clientId) throw badInput([{ path: ['clientId'], message: 'Choose the client whose shared articles you want to see.' }]);
      clientId = parseInput(idSchema, args.clientId, ['clientId']);
      if (!(await this.shared.isActiveCare(viewer.userId, clientId))) throw notFound('That client');
      therapistId = viewer.userId;
    } else {
      // Admins run the practice; what a therapist sends a client belongs to their work together.
      throw forbidden('Shared articles are between a therapist and their client.');
    }
    const cursor = parseAfter(after, ['time', 'id']);
    const now = new Date();
    const rows = await this.shared.list({ clientId, therapistId, first, after: cursor && { sharedAt: cursor[0], id: cursor[1] }, now });
    // A therapist's note to their client is words about their work together: every read is on the record.
    await this.audit.recordMany(
      rows.slice(0, first).map(({ row }) => ({
        action: 'shared_article.read',
        actor: viewer,
        targetType: 'shared_article',
        targetId: row.id,
        subjectUserId: row.clientId,
        metadata: { articleId: row.articleId, withNote: row.note !== null },
      })),
    );
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => this.toShared(row, now));
  }

  async recipients(viewer: Viewer) {
    if (viewer.role !== 'THERAPIST') throw forbidden('Only therapists can send articles to their clients.');
    const clients = await this.shared.listActiveClients(viewer.userId);
    return clients.map((client) => ({ id: client.id, displayName: client.displayName }));
  }
}
