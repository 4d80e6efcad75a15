import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { loaderFor } from '../../common/loaders';
import { UserEntity } from './user.entity';

/** Names of people, batched per request for field resolvers (client, therapist, author). */
@Injectable()
export class PeopleService {
  constructor(private readonly dataSource: DataSource) {}

  async email(id: string) {
    return (await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, email: true }, where: { id } }))?.email ?? '';
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
      const users = await this.dataSource.getRepository(UserEntity).find({ select: { id: true, displayName: true }, where: { id: In([...ids]) } });
      return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
    });
  }
}
