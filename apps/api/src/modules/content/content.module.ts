import { Module } from '@nestjs/common';
import { ArticlesRepository } from './articles.repository';
import { ArticlesResolver } from './articles.resolver';
import { ArticlesService } from './articles.service';
import { SharedArticlesRepository } from './shared-articles.repository';
import { SharedArticlesResolver } from './shared-articles.resolver';
import { SharedArticlesService } from './shared-articles.service';

@Module({
  providers: [ArticlesRepository, ArticlesService, ArticlesResolver, SharedArticlesRepository, SharedArticlesService, SharedArticlesResolver],
  exports: [ArticlesService, ArticlesRepository],
})
export class ContentModule {}
