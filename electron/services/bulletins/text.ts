/** The words of a 简报 issue the archive search indexes: title, 按语, headings, paragraphs, captions, quotes. */
import type { BulletinContent } from '../../../shared/bulletin';

export function bodyText(content: BulletinContent): string {
  const parts: string[] = [content.editorNote];
  for (const block of content.blocks) {
    if (block.type === 'heading') parts.push(block.text);
    else if (block.type === 'paragraph') parts.push(block.content.map((i) => (i.type === 'text' ? i.text : '')).join(''));
    else if (block.type === 'quote') parts.push(block.text);
    else parts.push(block.caption);
  }
  return parts.filter((p) => p !== '').join('\n');
}
