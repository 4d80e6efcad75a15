import { nameSortKey } from '@attune/domain';
import { EventSubscriber, type EntitySubscriberInterface, type InsertEvent, type UpdateEvent } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * Keeps `users.name_sort_key` with the display name: on `save`, `insert` and `update` alike, whoever writes
 * the name. (SQL written by hand, as the scale seed's, must set it too: the column is required.)
 */
// TypeORM builds only decorated classes from a data source's `subscribers`.
@EventSubscriber()
export class UserNameSortKeySubscriber implements EntitySubscriberInterface<UserEntity> {
  listenTo() {
    return UserEntity;
  }

  beforeInsert({ entity }: InsertEvent<UserEntity>) {
    keep(entity);
  }

  beforeUpdate({ entity }: UpdateEvent<UserEntity>) {
    if (entity) keep(entity as Partial<UserEntity>);
  }
}

function keep(user: Partial<UserEntity>) {
  if (typeof user.displayName === 'string') user.nameSortKey = nameSortKey(user.displayName);
}
