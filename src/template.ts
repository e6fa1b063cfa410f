/** Message templates: `{{key}}` placeholders filled from a report's data. */

/** Replaces `{{key}}` with the data's value; unknown keys stay visible. */
export function fill(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = data?.[key];
    return value === undefined ? whole : String(value);
  });
}
