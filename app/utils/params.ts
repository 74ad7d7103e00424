const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; checking the shape first turns garbage into a 404, never a database error. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A route id parameter that must be a UUID. */
export function requireUuidParam(value: string | undefined, what: string): string {
  if (!isUuid(value)) throw new Response(`${what} not found`, { status: 404 });
  return value;
}
