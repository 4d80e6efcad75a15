import { Module } from '@nestjs/common';
import { ArticlesRepository } from './articles.repository';
import { ArticlesResolver } from './articles.resolver';
import { ArticlesService } from './articles.service';

@Module({ providers: [ArticlesRepository, ArticlesService, ArticlesResolver], exports: [ArticlesService] })
export class ContentModule {}
