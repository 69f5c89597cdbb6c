/**
 * The colour theme a person picked, kept in a cookie the server reads to set the class on <html>: the
 * page paints in the right theme with no script before it (the CSP allows no inline scripts), and
 * "system" leaves the choice to the `prefers-color-scheme` media query in app/globals.css.
 */
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "baton-theme";

export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
