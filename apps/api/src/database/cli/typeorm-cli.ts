import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';

/** For TypeORM's own CLI (`migration:generate`) against a scratch PostgreSQL named by DATABASE_URL. */
export default new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/attune_dev' }));
