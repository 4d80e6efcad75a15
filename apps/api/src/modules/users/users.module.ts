import { Global, Module } from '@nestjs/common';
import { PeopleService } from './people.service';
import { UsersRepository } from './users.repository';

@Global()
@Module({ providers: [PeopleService, UsersRepository], exports: [PeopleService, UsersRepository] })
export class UsersModule {}
