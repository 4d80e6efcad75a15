import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxEmailEntity } from './outbox-email.entity';

/** The only place queries of the development outbox live. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(email: Pick<OutboxEmailEntity, 'to' | 'from' | 'subject' | 'text'>) {
    await this.dataSource.getRepository(OutboxEmailEntity).insert(email);
  }

  newest(count: number) {
    return this.dataSource.getRepository(OutboxEmailEntity).find({ order: { createdAt: 'DESC' }, take: count });
  }
}
