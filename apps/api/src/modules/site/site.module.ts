import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { DirectoryModule } from '../directory/directory.module';
import { EnquiriesModule } from '../enquiries/enquiries.module';
import { SiteController } from './site.controller';
import { SiteService } from './site.service';

@Module({ imports: [ContentModule, DirectoryModule, EnquiriesModule], controllers: [SiteController], providers: [SiteService] })
export class SiteModule {}
