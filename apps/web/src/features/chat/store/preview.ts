/** What a one-line preview of a message says: its text, or that it is a photo or was deleted. */
export type PreviewKind = 'deleted' | 'photo' | 'text';

export function previewKind(message: {
  text: string | null;
  deletedAt: string | null;
  image?: unknown;
}): PreviewKind {
  if (message.deletedAt) return 'deleted';
  // A photo sent without words has no text (null or empty); a caption shows as the text.
  if (!message.text?.trim()) return 'photo';
  return 'text';
}
