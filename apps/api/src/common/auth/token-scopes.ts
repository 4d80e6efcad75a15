import type { ApiScope } from '@attune/domain';
import {
  getNamedType,
  isIntrospectionType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { AppError } from '../errors';
import { Refusal, type GraphQLContext } from '../graphql-operation';
import { SCOPE_RULE, type ScopeRule } from './scope.decorator';

/** The rule for one field: its own, else its type's; undefined when neither says. Identifiers carry no data. */
export function scopeRuleOf(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): ScopeRule | undefined {
  if (field.name === 'id' && getNamedType(field.type).name === 'ID') return 'open';
  return (field.extensions[SCOPE_RULE] ?? parent.extensions[SCOPE_RULE]) as ScopeRule | undefined;
}

export interface ScopeRefusal {
  /** `Type.field` */
  field: string;
  /** One of these would do; empty when no token may read it. */
  needs: readonly ApiScope[];
}

/** The first field anywhere in the document (fragments included) that these scopes do not reach, or null. */
export function missingScope(schema: GraphQLSchema, document: DocumentNode, scopes: ReadonlySet<string>): ScopeRefusal | null {
  const typeInfo = new TypeInfo(schema);
  let refusal: ScopeRefusal | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (refusal) return false;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        // Unknown fields are validation's business; __typename and introspection carry no clinical data.
        if (!parent || !field || field.name.startsWith('__') || isIntrospectionType(parent)) return undefined;
        const rule = scopeRuleOf(parent, field);
        if (rule === 'open') return undefined;
        if (!rule || !rule.some((scope) => scopes.has(scope))) {
          refusal = { field: `${parent.name}.${field.name}`, needs: rule ?? [] };
          return false;
        }
        return undefined;
      },
    }),
  );
  return refusal;
}

/**
 * An API token acts as its owner narrowed to its scopes on every field path, not only the root: the
 * whole operation is checked before anything runs (a Mercurius preExecution hook), so a nested field
 * cannot carry what the root would refuse.
 */
export async function tokenScopeHook(schema: GraphQLSchema, document: DocumentNode, context: GraphQLContext) {
  const scopes = context.viewer?.scopes;
  if (!scopes) return;
  const refusal = missingScope(schema, document, scopes);
  if (!refusal) return;
  throw new Refusal(
    403,
    new AppError(
      'FORBIDDEN',
      refusal.needs.length
        ? `This token does not have the ${refusal.needs.map((scope) => `"${scope}"`).join(' or ')} scope, which ${refusal.field} needs.`
        : `API tokens cannot be used for ${refusal.field}.`,
      { reason: 'MISSING_SCOPE', field: refusal.field, scopes: refusal.needs },
    ),
  );
}

/** What a token needs for a root operation, in words, from its scope rule. */
export function tokenNeedsSentence(rule: ScopeRule | undefined): string {
  if (rule === 'open') return 'API tokens need no scope.';
  if (!rule || rule.length === 0) return 'Not available to API tokens.';
  const scopes = rule.map((scope) => `\`${scope}\``);
  return rule.length === 1 ? `API tokens need the ${scopes[0]} scope.` : `API tokens need one of the ${scopes.join(' or ')} scopes.`;
}

const TOKEN_SENTENCE = /(\n\n)?(API tokens need .*|Not available to API tokens\.)$/;

/**
 * Ends every query's and mutation's description with the scope a token needs, read from the same rule the
 * check uses, so the schema cannot say otherwise. Nest applies it to the schema it serves and the one it
 * writes, sometimes to the same object, so it replaces the sentence rather than adding another.
 */
export function describeTokenScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const own = (field.description ?? '').replace(TOKEN_SENTENCE, '');
      // graphql-js leaves fields writable; building a second schema only to change descriptions would gain nothing.
      field.description = [own, tokenNeedsSentence(scopeRuleOf(root, field))].filter(Boolean).join('\n\n');
    }
  }
  return schema;
}
