const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route id parameter that must be a UUID; anything else is a 404, never a database error. */
export function requireUuidParam(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw new Response(`${what} not found`, { status: 404 });
  return value;
}
