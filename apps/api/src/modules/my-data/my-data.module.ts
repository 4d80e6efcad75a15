import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AccountClosureService } from './account-closure.service';
import { MyDataExportService } from './my-data-export.service';
import { MyDataResolver } from './my-data.resolver';
import { MyDataRepository } from './my-data.repository';

/** A client's own data: the export, and closing the account. The retention purge is a CLI (retention-purge.ts). */
@Module({ imports: [IdentityModule], providers: [MyDataExportService, MyDataRepository, AccountClosureService, MyDataResolver] })
export class MyDataModule {}
