/** A copy of `value` without `keys`: for dropping fields (an SCN, a trip number) from domain data. */
export function omitKeys<T extends object, K extends keyof T & string>(
  value: T,
  ...keys: readonly K[]
): Omit<T, K> {
  const dropped: readonly string[] = keys;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !dropped.includes(key)),
  ) as Omit<T, K>;
}
