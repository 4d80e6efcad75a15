export * from './common/common.schema.js';
export * from './identity/identity.schema.js';
export * from './clinical/clinical.schema.js';
export * from './clinical/caseload.rules.js';
export * from './content/content.schema.js';
export * from './my-data/my-data-export.schema.js';
export * from './preferences/preferences.schema.js';
export * from './measures/measures.js';
export { z } from 'zod';
