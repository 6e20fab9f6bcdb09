/**
 * A copy of the object without one property (a key's hash, a new key's secret).
 *
 * @example
 * without({ id: 'k', hash: 'ab' }, 'hash'); // { id: 'k' }
 */
export function without<T extends object, K extends keyof T>(object: T, property: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== property)) as Omit<T, K>;
}
