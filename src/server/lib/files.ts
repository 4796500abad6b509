import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from '@shared/contracts/forms';

/** What a file's content says it is: its media type and the kinds of file question it may answer. */
export interface SniffedFile {
  contentType: string;
  kinds: FileKind[];
}

const BY_MIME: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.oasis.opendocument.text': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentation',
  'application/vnd.oasis.opendocument.presentation': 'presentation',
};

/** Legacy Office files share one container format (CFB); the name's ending tells which program made it. */
const LEGACY_OFFICE: Record<string, { kind: FileKind; contentType: string }> = {
  doc: { kind: 'word', contentType: 'application/msword' },
  xls: { kind: 'spreadsheet', contentType: 'application/vnd.ms-excel' },
  ppt: { kind: 'presentation', contentType: 'application/vnd.ms-powerpoint' },
};

/** File names shown for each kind in messages: the same in Thai and English. */
export const FILE_KIND_NAMES: Record<FileKind, string> = {
  pdf: 'PDF',
  image: 'PNG/JPEG/WebP/GIF',
  word: 'DOCX/DOC/ODT',
  spreadsheet: 'XLSX/XLS/ODS',
  presentation: 'PPTX/PPT/ODP',
};

/** Detects a file's type from its first bytes; null for plain text and anything not recognised. */
export async function sniffFile(bytes: Buffer, fileName: string): Promise<SniffedFile | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) {
    return null;
  }
  const kind = BY_MIME[detected.mime];
  if (kind) {
    return { contentType: detected.mime, kinds: [kind] };
  }
  if (detected.mime === 'application/x-cfb') {
    const ending = fileName.toLowerCase().split('.').at(-1) ?? '';
    const legacy = LEGACY_OFFICE[ending];
    return legacy
      ? { contentType: legacy.contentType, kinds: [legacy.kind] }
      : { contentType: detected.mime, kinds: ['word', 'spreadsheet', 'presentation'] };
  }
  return null;
}

/**
 * A file name safe to store and send back: no folders, no control characters, at most 200 characters (keeping the
 * ending), never empty.
 */
export function sanitiseFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const clean = [...base]
    .filter((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !'"<>:|?*'.includes(c);
    })
    .join('')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...clean];
  if (chars.length === 0) {
    return 'file';
  }
  if (chars.length <= 200) {
    return clean;
  }
  const dot = clean.lastIndexOf('.');
  const ending = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return (
    [...clean.slice(0, clean.length - ending.length)].slice(0, 200 - [...ending].length).join('') + ending
  );
}

/** `Content-Disposition` for a download, with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
