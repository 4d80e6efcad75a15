import {
  BreakingChangeType,
  findBreakingChanges,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/** A deprecated field, argument or enum value lives at least this long after its deprecation is published. */
export const DEPRECATION_DAYS = 90;
const DAY = 86_400_000;

/** The date a deprecation reason gives, as `… since 2026-08-01`; null when it gives none. */
export function deprecatedSince(reason: string | null | undefined): Date | null {
  const match = reason ? /\bsince (\d{4}-\d{2}-\d{2})\b/.exec(reason) : null;
  if (!match) return null;
  const date = new Date(`${match[1]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Every element of a schema that can carry @deprecated, by its schema coordinate (`Type.field`, `Type.field(arg:)`, `Enum.VALUE`). */
export function deprecations(schema: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) found.set(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) if (arg.deprecationReason) found.set(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (field.deprecationReason) found.set(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (value.deprecationReason) found.set(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return found;
}

/**
 * The element a removal names, by coordinate, read from graphql-js's wording of the change (stable across
 * graphql 16); null for a change that removes nothing deprecatable (a type changed, a required argument added).
 */
function removedElement(change: { type: string; description: string }): string | null {
  let match: RegExpExecArray | null;
  if (change.type === BreakingChangeType.FIELD_REMOVED && (match = /^(\w+)\.(\w+) was removed\.$/.exec(change.description))) return `${match[1]}.${match[2]}`;
  if (change.type === BreakingChangeType.ARG_REMOVED && (match = /^(\w+)\.(\w+) arg (\w+) was removed\.$/.exec(change.description))) return `${match[1]}.${match[2]}(${match[3]}:)`;
  if (change.type === BreakingChangeType.VALUE_REMOVED_FROM_ENUM && (match = /^(\w+) was removed from enum type (\w+)\.$/.exec(change.description))) return `${match[2]}.${match[1]}`;
  return null;
}

/** Where a type is used in a schema: the coordinates of the fields, arguments and input fields of that type. */
function usesOf(schema: GraphQLSchema, typeName: string): string[] {
  const uses: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName) uses.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (getNamedType(arg.type).name === typeName) uses.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
      if (isObjectType(type) && type.getInterfaces().some((i) => i.name === typeName)) uses.push(type.name);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (getNamedType(field.type).name === typeName) uses.push(`${type.name}.${field.name}`);
    }
  }
  return uses;
}

/**
 * The breaking changes from the published schema to the current one that the deprecation policy does not
 * allow: each one, unless it removes a field, argument, input field or enum value that the published schema
 * marked deprecated `since` a date at least DEPRECATION_DAYS before `today`. A removed type is allowed when
 * every use of it in the published schema is such an element (removing the last field of a type removes the type).
 */
export function disallowedBreakingChanges(published: GraphQLSchema, current: GraphQLSchema, today: Date): string[] {
  const deprecated = deprecations(published);
  const longEnough = (coordinate: string) => {
    const since = deprecatedSince(deprecated.get(coordinate));
    return since !== null && today.getTime() - since.getTime() >= DEPRECATION_DAYS * DAY;
  };
  return findBreakingChanges(published, current)
    .filter((change) => {
      if (change.type === BreakingChangeType.TYPE_REMOVED) {
        const name = /^(\w+) was removed\.$/.exec(change.description)?.[1];
        const uses = name ? usesOf(published, name) : [];
        return !(uses.length > 0 && uses.every(longEnough));
      }
      const element = removedElement(change);
      return !(element && longEnough(element));
    })
    .map((change) => change.description);
}

/**
 * What the policy asks of each deprecation in a schema about to be published: a reason that says what to use
 * instead ("Use …") and since when (a date not still to come), and an entry in the changelog naming it.
 */
export function deprecationProblems(schema: GraphQLSchema, changelog: string, today: Date): string[] {
  return [...deprecations(schema)].flatMap(([coordinate, reason]) => {
    const since = deprecatedSince(reason);
    if (!since) return [`${coordinate}: the reason needs "since YYYY-MM-DD"`];
    if (since.getTime() > today.getTime()) return [`${coordinate}: deprecated since a date still to come`];
    if (!/\bUse\b/.test(reason)) return [`${coordinate}: the reason needs to say what to use instead ("Use …")`];
    return changelog.includes(`\`${coordinate}\``) ? [] : [`${coordinate}: not listed in docs/api-changelog.md`];
  });
}
