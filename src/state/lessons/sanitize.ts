/**
 * Lesson and guide HTML passes through DOMPurify before it is shown: lessons are content that
 * anyone may add, so nothing they hold runs as script. (markdown-it already refuses raw HTML; this
 * is the second lock.) Links leaving the app open in a new tab without an opener.
 */
import DOMPurify from 'dompurify';

let hooked = false;

export function sanitize(html: string): string {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
