// `npm run dev`: the same server with Vite's dev middleware (hot reload) instead of the build.
import { serve } from "./lib/serve";

await serve("development");
