/**
 * Splits plain text at paragraph, line or word boundaries into pieces of at most `size`
 * characters — for messengers with a message length limit. A piece is only cut mid-word when
 * no boundary lies in its second half.
 */
export function splitText(value: string, size: number): string[] {
  const result: string[] = [];
  let rest = value;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > size / 2 ? cut : size;
    result.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') result.push(rest);
  return result;
}
