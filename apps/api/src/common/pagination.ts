import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@attune/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { OpenToTokens } from './auth/scope.decorator';
import { badInput } from './errors';

/** Paging structure carries no data of its own: a token reads it wherever it may read the list. */
@OpenToTokens()
@ObjectType({ description: 'Where a page of a list ends, and whether there is more.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null when the page is empty.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/** A cursor connection type for `T`, as the contract describes every list. */
export function Connection<T>(node: Type<T>, name: string) {
  @OpenToTokens()
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its place in the list.` })
  class EdgeType {
    @Field({ description: 'Opaque: pass as `after` to start the next page just after this item.' })
    cursor: string;

    @Field(() => node, { description: 'The item itself.' })
    node: T;
  }

  @OpenToTokens()
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, in a stable order; page on with \`pageInfo.endCursor\`.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page ends, and whether there is more.' })
    pageInfo: PageInfo;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return: 1 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when left out.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/** Cursors are opaque to callers: base64url of the sort key, so pages stay stable under inserts. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeCursor(cursor: string): (string | number)[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.every((part) => typeof part === 'string' || typeof part === 'number') ? value : null;
  } catch {
    return null;
  }
}

/**
 * What one part of a sort key may hold. `time` is a UTC instant to the microsecond (see `withExactTimes`), `id` a
 * UUID, `serial` a bigint key as digits: checked here so a forged cursor is refused as bad input rather
 * than reaching the database as a value it cannot cast.
 */
export type CursorPart = 'string' | 'number' | 'time' | 'id' | 'serial';
type PartValue<P extends CursorPart> = P extends 'number' ? number : string;

// Three fractional digits are what cursors carried before they carried six; both still name a place.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(\d{3})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SERIAL = /^\d{1,19}$/;

function fitsPart(part: string | number, kind: CursorPart): boolean {
  switch (kind) {
    case 'number':
      return typeof part === 'number' && Number.isFinite(part);
    case 'string':
      return typeof part === 'string';
    case 'time':
      return typeof part === 'string' && ISO_INSTANT.test(part) && !Number.isNaN(Date.parse(`${part.slice(0, 23)}Z`));
    case 'id':
      return typeof part === 'string' && UUID.test(part);
    case 'serial':
      return typeof part === 'string' && SERIAL.test(part);
  }
}

/**
 * The one place a caller's `after` is read: it must be a cursor we gave out, with the parts of this
 * list's sort key (for example `['time', 'id']`), or the request is refused as bad input.
 */
export function parseCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): { [K in keyof S]: PartValue<S[K]> } {
  const parts = decodeCursor(cursor);
  const fits = parts !== null && parts.length === shape.length && parts.every((part, i) => fitsPart(part, shape[i]!));
  if (!fits) throw badInput([{ path: ['after'], message: 'That cursor is not one we gave out.' }]);
  return parts as { [K in keyof S]: PartValue<S[K]> };
}

/** `parseCursor` for an optional `after`: no cursor means the first page. */
export function parseAfter<const S extends readonly CursorPart[]>(after: string | null | undefined, shape: S): { [K in keyof S]: PartValue<S[K]> } | null {
  return after ? parseCursor(after, shape) : null;
}

/** A row of a page and its sort time exactly as the database holds it, for its cursor. */
export interface Timed<R> {
  row: R;
  at: string;
}

/**
 * Runs a page query ordered by the timestamp `column` and returns each row with that time to the
 * microsecond. A JS Date keeps milliseconds only: a cursor made from one falls between rows that share
 * a millisecond (every row one transaction writes shares `now()`), and the next page skips them.
 */
export async function withExactTimes<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, column: string): Promise<Timed<E>[]> {
  const { entities, raw } = await qb
    .addSelect(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'page_time')
    .getRawAndEntities<Record<string, unknown>>();
  // Joins here are to-one, so rows and entities pair up; the id says so rather than the position.
  const times = new Map(raw.map((r) => [String(r[`${qb.alias}_id`]), String(r['page_time'])]));
  return entities.map((row) => ({ row, at: times.get(String(row['id']))! }));
}

/** Orders two sort keys part by part: numbers by value, strings as people read them. */
export function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Fetch one extra row to know whether another page exists (or say so, when the query counted instead). */
export function toConnection<R, T>(rows: R[], first: number, cursorOf: (row: R) => (string | number)[], map: (row: R) => T, hasNextPage = rows.length > first): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: map(row) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
