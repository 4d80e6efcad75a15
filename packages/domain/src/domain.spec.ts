import {
  allianceConcerns,
  API_SCOPE_AREAS_BY_ROLE,
  apiScopeSchema,
  emailSchema,
  pageArgsSchema,
  scheduleSessionSchema,
  slugify,
  submitCheckInSchema,
  writeReflectionSchema,
} from './index.js';

describe('domain rules', () => {
  it('normalizes emails and refuses malformed ones', () => {
    expect(emailSchema.parse('  Client@Attune.TEST ')).toBe('client@attune.test');
    expect(emailSchema.safeParse('not-an-email').success).toBe(false);
    expect(emailSchema.safeParse(`${'a'.repeat(250)}@x.io`).success).toBe(false);
  });

  it('keeps check-in scores to whole numbers from 0 to 10', () => {
    const base = { sessionId: '7f1c8a3e-2b4d-4c6e-8f0a-1b2c3d4e5f60', bond: 7, goals: 8, approach: 6, overall: 7 };
    expect(submitCheckInSchema.safeParse(base).success).toBe(true);
    expect(submitCheckInSchema.safeParse({ ...base, bond: 11 }).success).toBe(false);
    expect(submitCheckInSchema.safeParse({ ...base, goals: 6.5 }).success).toBe(false);
    expect(submitCheckInSchema.safeParse({ ...base, overall: -1 }).success).toBe(false);
  });

  it('refuses a session that ends before it starts, naming the field', () => {
    const result = scheduleSessionSchema.safeParse({
      clientId: '7f1c8a3e-2b4d-4c6e-8f0a-1b2c3d4e5f60',
      startsAt: '2026-12-01T15:00:00Z',
      endsAt: '2026-12-01T14:00:00Z',
      modality: 'VIDEO',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['endsAt']);
  });

  it('refuses bidirectional-override characters in what people write', () => {
    expect(writeReflectionSchema.safeParse({ body: 'hello \u202E world' }).success).toBe(false);
    expect(writeReflectionSchema.parse({ body: '  a quiet week  ' })).toEqual({ body: 'a quiet week', share: false });
  });

  it('caps page sizes', () => {
    expect(pageArgsSchema.parse({}).first).toBe(20);
    expect(pageArgsSchema.safeParse({ first: 101 }).success).toBe(false);
  });

  it('names the reasons an alliance check-in needs attention', () => {
    expect(allianceConcerns({ bond: 8, goals: 8, approach: 8, overall: 8 }, [8, 9])).toEqual([]);
    expect(allianceConcerns({ bond: 4, goals: 8, approach: 8, overall: 8 }, [])).toEqual(['5 or below for feeling safe and heard']);
    expect(allianceConcerns({ bond: 8, goals: 8, approach: 8, overall: 6 }, [9, 8])[0]).toContain('fell to 6');
  });

  it('makes readable slugs', () => {
    expect(slugify('  When Therapy Feels Stuck — What Then? ')).toBe('when-therapy-feels-stuck-what-then');
    expect(slugify('???')).toBe('article');
  });

  it('has a read-only fhir scope, offered to therapists only', () => {
    expect(apiScopeSchema.safeParse('fhir:read').success).toBe(true);
    // Nothing can be written through FHIR: a write scope would promise what no route does.
    expect(apiScopeSchema.safeParse('fhir:write').success).toBe(false);
    expect(API_SCOPE_AREAS_BY_ROLE.THERAPIST).toContain('fhir');
    expect(API_SCOPE_AREAS_BY_ROLE.ADMIN).not.toContain('fhir');
    expect(API_SCOPE_AREAS_BY_ROLE.CLIENT).not.toContain('fhir');
  });
});
