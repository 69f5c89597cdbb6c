import { config } from "zod/v4/core";

// Zod compiles fast object parsers with `new Function`, after probing whether eval is allowed; under
// Baton's Content-Security-Policy (no 'unsafe-eval', see proxy.ts) the probe is a reported violation.
// The browser parses only small forms, so the interpreter is fast enough. Runs before any page code.
config({ jitless: true });
