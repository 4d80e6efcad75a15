import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ArticleEntity } from './article.entity';

export type ArticleRevisionEvent = 'CREATED' | 'SAVED' | 'RESTORED';

/** A copy of an article as one save left it: the history an admin can read and restore from. */
@Entity('article_revisions')
@Index('article_revisions_article_idx', ['articleId', 'version'])
export class ArticleRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  /** The article's version after this save. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  event: ArticleRevisionEvent;

  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'cover_image_url', type: 'varchar', length: 2000, nullable: true })
  coverImageUrl: string | null;

  @Column({ name: 'cover_image_alt', type: 'varchar', length: 300, nullable: true })
  coverImageAlt: string | null;

  @Column({ name: 'seo_title', type: 'varchar', length: 70, nullable: true })
  seoTitle: string | null;

  @Column({ name: 'seo_description', type: 'varchar', length: 300, nullable: true })
  seoDescription: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** Who saved it; null if that account was removed. */
  @Column({ name: 'edited_by_id', type: 'uuid', nullable: true })
  editedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'edited_by_id' })
  editedBy?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
