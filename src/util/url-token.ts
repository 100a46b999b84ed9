// Whether a white-space separated token is a URL by its start ("http:", "https:", "www.", in any
// case): such a token is an address, not a word of the text.

/** Whether text[at, end) starts with `prefix` (lower-case ASCII), in any case. */
function startsWithAsciiCi(text: string, at: number, end: number, prefix: string): boolean {
  if (at + prefix.length > end) return false;
  for (let k = 0; k < prefix.length; k++) {
    const want = prefix.charCodeAt(k);
    const c = text.charCodeAt(at + k);
    if (c !== want && !(want >= 97 && want <= 122 && c === want - 32)) return false;
  }
  return true;
}

/** Whether the token starting at `at` (and ending by `end`) starts like a URL. */
export function startsUrl(text: string, at: number, end: number): boolean {
  const first = text.charCodeAt(at);
  if (first !== 0x68 && first !== 0x48 && first !== 0x77 && first !== 0x57) return false; // h, H, w, W
  return startsWithAsciiCi(text, at, end, 'http:') || startsWithAsciiCi(text, at, end, 'https:') || startsWithAsciiCi(text, at, end, 'www.');
}
