import { Global, Module } from '@nestjs/common';
import { PeopleService } from './people.service';

@Global()
@Module({ providers: [PeopleService], exports: [PeopleService] })
export class UsersModule {}
