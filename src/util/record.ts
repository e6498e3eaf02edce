/** A parsed value as an object of keys (YAML, TOML or JSON data), or undefined for anything else (an array, a scalar, null). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
