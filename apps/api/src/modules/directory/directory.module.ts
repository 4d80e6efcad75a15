import { Module } from '@nestjs/common';
import { TherapistProfilesRepository } from './therapist-profiles.repository';
import { TherapistProfilesResolver } from './therapist-profiles.resolver';
import { TherapistProfilesService } from './therapist-profiles.service';

@Module({
  providers: [TherapistProfilesRepository, TherapistProfilesService, TherapistProfilesResolver],
  exports: [TherapistProfilesService, TherapistProfilesRepository],
})
export class DirectoryModule {}
