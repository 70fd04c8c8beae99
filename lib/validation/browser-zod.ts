import { z } from "zod";

// Zod 4 probes `new Function` once to decide on its JIT; under our CSP (no 'unsafe-eval') the probe is
// reported as a violation. In the browser the interpreter is fast enough for a form; the server keeps
// the JIT (this module only configures when it runs in a window). Imported, for its effect, by the
// client components that validate with zod (the console's body editor).
if (typeof window !== "undefined") z.config({ jitless: true });
