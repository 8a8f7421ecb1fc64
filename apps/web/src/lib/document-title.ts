/**
 * The tab title: the page's own title (set by every `Page`) with the unread chat total in front,
 * so a message that arrives while the tab is in the background shows in the tab strip.
 */
let pageTitle = '';
let unread = 0;

export const UNREAD_TITLE_CAP = 99;

/** `(3) 채팅 · OrGo`; more than 99 shows as `99+`; nothing unread leaves the title alone. */
export function titleWithUnread(title: string, count: number): string {
  if (count <= 0) return title;
  return `(${count > UNREAD_TITLE_CAP ? `${UNREAD_TITLE_CAP}+` : count}) ${title}`;
}

function apply() {
  if (pageTitle) document.title = titleWithUnread(pageTitle, unread);
}

export function setPageTitle(title: string): void {
  pageTitle = title;
  apply();
}

export function setUnreadTotal(count: number): void {
  unread = Math.max(0, count);
  apply();
}
