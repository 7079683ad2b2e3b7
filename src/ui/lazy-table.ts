/**
 * A table of UI strings whose groups are built when first read: a run builds only the groups its
 * command reads. Building the whole table cost time and young-generation space at every start
 * (docs/performance.md), though `status` reads a few groups.
 */
export class LazyTable<T extends object> {
  constructor(readonly table: T) {}

  /**
   * Adds the properties `keys` that `build` makes: all built together on the first read of one of them,
   * then kept as plain properties. `keys` names every property `build` makes (test/ui/messages.test.ts).
   */
  group<G extends object>(keys: readonly (keyof G & string)[], build: () => G): LazyTable<T & Readonly<G>> {
    const table = this.table;
    let built: G | undefined;
    const settle = (): G => {
      built ??= build();
      for (const key of keys) Object.defineProperty(table, key, { value: built[key], enumerable: true, configurable: true });
      return built;
    };
    for (const key of keys) Object.defineProperty(table, key, { get: () => settle()[key], enumerable: true, configurable: true });
    return this as unknown as LazyTable<T & Readonly<G>>;
  }

  /** Adds the property `key`, built by `build` on its first read. */
  lazy<K extends string, V>(key: K, build: () => V): LazyTable<T & { readonly [P in K]: V }> {
    return this.group([key], () => ({ [key]: build() }) as { [P in K]: V });
  }
}
