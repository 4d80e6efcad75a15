import { Injectable } from '@nestjs/common';
import { loaderFor } from '../../common/loaders';
import { UsersRepository } from './users.repository';

/** Names of people, batched per request for field resolvers (client, therapist, author). */
@Injectable()
export class PeopleService {
  constructor(private readonly users: UsersRepository) {}

  email(id: string) {
    return this.users.emailOf(id);
  }

  load(ctx: object, id: string) {
    return this.loader(ctx).load(id);
  }

  /** A name the caller has already read (in its own statement), so field resolvers need not ask for it. */
  prime(ctx: object, person: { id: string; displayName: string }) {
    this.loader(ctx).prime(person.id, person);
  }

  private loader(ctx: object) {
    return loaderFor(ctx, 'people', async (ids) => {
      const users = await this.users.namesOf(ids);
      return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
    });
  }
}
