import type { UiLang } from '@duodi/contracts';
import { CATALOGS } from '../../platform/i18n/index.js';

export interface RenderedText {
  title: string;
  body: string;
}

/** The catalog key of a kind: dots become underscores ('demand.status.completed' → 'demand_status_completed'). */
export const templateKey = (kind: string) => kind.replace(/\./g, '_');

type Templates = Record<string, RenderedText | undefined>;
const templatesOf = (lang: UiLang): Templates => (CATALOGS[lang] as unknown as { notifications?: Templates }).notifications ?? {};

/** Whether zh-CN, bo and en all have a title and body for a kind. */
export function hasTemplates(kind: string): boolean {
  const key = templateKey(kind);
  return (['zh-CN', 'bo', 'en'] as const).every((lang) => Boolean(templatesOf(lang)[key]?.title && templatesOf(lang)[key]?.body));
}

/**
 * `{{name}}` takes `params["name.<lang>"]` when present (a name kept in several languages, e.g. a
 * service item's Tibetan name), else `params.name`, else nothing.
 */
function interpolate(text: string, lang: UiLang, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[`${k}.${lang}`] ?? params[k] ?? ''));
}

/**
 * The title and body of a notification in a language, from the server catalogs
 * (`notifications.<kind with _>`). A kind without templates renders with the generic template
 * (`notifications.generic`), so an in-app list never breaks; `strict` throws instead (delivery).
 */
export function renderNotification(lang: UiLang, kind: string, params: Record<string, string | number>, strict = false): RenderedText {
  const templates = templatesOf(lang);
  const entry = templates[templateKey(kind)];
  if (!entry) {
    if (strict) throw new Error(`missing_template:${kind}`);
    const generic = templates.generic!;
    return { title: generic.title, body: generic.body };
  }
  return { title: interpolate(entry.title, lang, params), body: interpolate(entry.body, lang, params) };
}
