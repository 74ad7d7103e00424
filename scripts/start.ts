// `npm start`: the production build on the embedded PostgreSQL (or DATABASE_URL).
import { serve } from "./lib/serve";

await serve("production");
