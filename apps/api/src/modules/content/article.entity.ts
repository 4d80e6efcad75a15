import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

export type StoredArticleStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

@Entity('articles')
/** The public index: published articles, newest first, with the id as tie-breaker for stable cursors. */
@Index('articles_public_list_idx', ['status', 'publishedAt', 'id'])
export class ArticleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('articles_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  /** Sanitized when saved, so readers never wait on rendering. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  /** PUBLISHED with a future `publishedAt` is a scheduled article: visible from that moment, on every instance. */
  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: StoredArticleStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Index('articles_tags_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** A cover image is linked by https URL, never uploaded; its description is required with it. */
  @Column({ name: 'cover_image_url', type: 'varchar', length: 2000, nullable: true })
  coverImageUrl: string | null;

  @Column({ name: 'cover_image_alt', type: 'varchar', length: 300, nullable: true })
  coverImageAlt: string | null;

  /** What search engines and link previews show; the title and summary stand in when empty. */
  @Column({ name: 'seo_title', type: 'varchar', length: 70, nullable: true })
  seoTitle: string | null;

  @Column({ name: 'seo_description', type: 'varchar', length: 300, nullable: true })
  seoDescription: string | null;

  @Index('articles_author_idx')
  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** Optimistic lock: a second admin saving a stale copy gets CONFLICT. */
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
