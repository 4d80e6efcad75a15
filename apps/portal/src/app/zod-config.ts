import { z } from 'zod';

/*
 * The portal runs under a Content-Security-Policy without 'unsafe-eval'. zod compiles fast parsers with
 * `new Function` after probing whether eval is allowed; the probe is caught, but the browser still
 * reports a policy violation. jitless skips the probe and the compilation (imported first, in main.tsx).
 */
z.config({ jitless: true });
