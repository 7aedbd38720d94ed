/** Reads a server-rendered form back as a browser would post it (no-JavaScript tests). */

/** The fields of the section form as a browser posts them: inputs (checked ones), textareas, selects. */
export function formFields(html: string): Record<string, string | string[]> {
  const start = html.lastIndexOf('<form', html.indexOf('data-autosave='));
  return fieldsOf(html.slice(start, html.indexOf('</form>', start)));
}

/**
 * Every form on a page that posts, keyed by its action (path and query), with the fields a browser would post
 * when its first named submit button is pressed. The authorization matrix posts these valid bodies.
 */
export function postForms(html: string, pagePath = ''): Array<{ action: string; fields: Record<string, string | string[]> }> {
  const forms: Array<{ action: string; fields: Record<string, string | string[]> }> = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = match[1]!;
    if (!/method="post"/i.test(tag)) continue;
    // A form without an action posts to the page it is on.
    const action = /action="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') || pagePath;
    if (!action) continue;
    const fields = fieldsOf(match[2]!);
    for (const [, buttonTag] of match[2]!.matchAll(/<button\b([^>]*)>/g)) {
      const name = /\bname="([^"]+)"/.exec(buttonTag!)?.[1];
      if (!name) continue;
      if (fields[name] === undefined) fields[name] = /\bvalue="([^"]*)"/.exec(buttonTag!)?.[1] ?? '';
      break;
    }
    forms.push({ action, fields });
  }
  return forms;
}

/** The fields inside one form's markup, as a browser posts them. */
export function fieldsOf(form: string): Record<string, string | string[]> {
  const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] === undefined ? '' : unescape(m[2])]));
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  for (const [, tag] of form.matchAll(/<input\b([^>]*)>/g)) {
    const a = attrs(tag!);
    if (!a['name'] || a['name'] === '_csrf') continue;
    if ((a['type'] === 'radio' || a['type'] === 'checkbox') && !('checked' in a)) continue;
    add(a['name'], a['value'] ?? '');
  }
  for (const [, tag, body] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const a = attrs(tag!);
    if (a['name']) add(a['name'], unescape(body!));
  }
  for (const [, tag, body] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const a = attrs(tag!);
    const options = [...body!.matchAll(/<option\b([^>]*)>/g)].map((m) => attrs(m[1]!));
    const chosen = options.find((o) => 'selected' in o) ?? options[0];
    if (a['name'] && chosen) add(a['name'], chosen['value'] ?? '');
  }
  return fields;
}
