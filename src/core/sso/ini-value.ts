/**
 * A value to write after `key = ` so that it reads back as exactly itself (the inverse of `unquote` in
 * core/config/ini.ts): the INI reader cuts an inline comment at whitespace followed by `#` or `;`, and takes one
 * pair of surrounding quotes away, so such a value is written in double quotes. Values with a line break or a
 * double quote inside cannot be written faithfully; callers clean them first.
 */
export function iniValue(value: string): string {
  const misread = /\s[#;]/.test(value) || /^['"]/.test(value) || /['"]$/.test(value);
  return misread ? `"${value}"` : value;
}
