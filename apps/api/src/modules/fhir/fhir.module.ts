import { Module } from '@nestjs/common';
import { CareModule } from '../care/care.module';
import { IdentityModule } from '../identity/identity.module';
import { MeasuresModule } from '../measures/measures.module';
import { FhirController } from './fhir.controller';
import { FhirRepository } from './fhir.repository';
import { FhirService } from './fhir.service';

/** Read-only FHIR R4 at /fhir/R4: a client's record for other health systems. */
@Module({ imports: [CareModule, IdentityModule, MeasuresModule], controllers: [FhirController], providers: [FhirService, FhirRepository] })
export class FhirModule {}
