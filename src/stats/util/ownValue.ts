/**
 * A value of a user-supplied lookup object (e.g. `transforms.bySeries`) by a user-supplied key, read
 * only from the object's own properties. WHY: series ids come from metric labels; with a plain
 * `obj[id]`, ids such as `constructor`, `toString` or `__proto__` would read Object.prototype's members
 * instead of "no entry".
 */
export function ownValue<T>(obj: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  if (typeof obj !== 'object' || obj === null || !Object.prototype.hasOwnProperty.call(obj, key)) {
    return undefined;
  }
  return obj[key];
}
