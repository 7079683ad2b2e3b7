/** Text made safe inside HTML or XML content and quoted attribute values: `& < > " '` escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(
      // Control characters other than tab/newline are not allowed in XML and mean nothing in a page.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
      '',
    );
}

/** The address when it is an absolute http(s) URL (the only links a report makes), else null. */
export function safeHref(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
