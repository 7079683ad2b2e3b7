import slugify from '@sindresorhus/slugify';

const MAX_KEY_LENGTH = 60;

/** A readable slug of an item's text, cut at a word boundary; a short hash when the text has no latin letters. */
export function slugOf(text: string): string {
  let slug = slugify(text, { decamelize: false });
  if (slug.length > MAX_KEY_LENGTH) {
    const cut = slug.lastIndexOf('-', MAX_KEY_LENGTH);
    slug = slug.slice(0, cut > 20 ? cut : MAX_KEY_LENGTH);
  }
  // node:crypto loaded only for an item without a single letter or digit (rare; costly to load).
  const crypto = () => process.getBuiltinModule('node:crypto');
  if (slug === '') slug = `item-${crypto().createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
  return slug;
}

/** Gives every text a unique stable key: its slug, then `-2`, `-3`… for repeated texts in document order. */
export function assignKeys(texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    const base = slugOf(text);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}
