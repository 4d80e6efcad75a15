import { CreateDateColumn, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ArticleEntity } from './article.entity';

/** An address an article used to have: links to it keep working, redirected to the article's current address. */
@Entity('article_slug_redirects')
export class ArticleSlugRedirectEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  slug: string;

  @Index('article_slug_redirects_article_idx')
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
