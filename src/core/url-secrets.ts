// A password or token in a URL (https://user:token@host/…, as a git remote can be given): shown
// by rel as *** wherever it prints such a URL, its own words or a git message quoting it.

/** A URL's scheme, user and password, up to the @ that ends them. */
const WITH_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:'"]*):([^\s/?#@'"]+)@/gi;

/** `text` with the password of every URL in it shown as ***: "https://me:***@github.com/me/journal.git". */
export function redactUrls(text: string): string {
  return text.replace(WITH_PASSWORD, '$1$2:***@');
}

/** Whether `url` holds a password or token (which git keeps in the clear in .git/config). */
export function hasUrlSecret(url: string): boolean {
  return redactUrls(url) !== url;
}
