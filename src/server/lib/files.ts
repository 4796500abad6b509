import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from '@shared/contracts/forms';
import { AppError, fieldIssue } from './errors';

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

/** A multipart upload as the routes read it. */
export interface UploadInput {
  fileName: string;
  bytes: Buffer;
  /** True when the body was cut at the upload limit. */
  truncated: boolean;
}

/** Size as people read it: `20 MB`, `2.5 MB`. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

const ANY_KIND = Object.values(FILE_KIND_NAMES).join(', ');

/**
 * Checks an evidence file on its content: not empty, at most `maxBytes`, and of a kind the platform accepts (PDF,
 * images, Office documents). Errors name `body.file`; `messages` are the module's catalogue keys for "too large" and
 * "type not allowed". Returns the cleaned file name and what the content is.
 */
export async function checkEvidenceUpload(
  input: UploadInput,
  maxBytes: number,
  messages: { tooLarge: string; notAllowed: string },
): Promise<{ fileName: string; sniffed: SniffedFile }> {
  if (input.truncated || input.bytes.length > maxBytes) {
    const params = { max: sizeText(maxBytes) };
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      messages.tooLarge,
      { issues: [fieldIssue('body.file', 'too_large', messages.tooLarge, params)] },
      params,
    );
  }
  if (input.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  const fileName = sanitiseFileName(input.fileName);
  const sniffed = await sniffFile(input.bytes, fileName);
  if (!sniffed) {
    const params = { kinds: ANY_KIND };
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      messages.notAllowed,
      { issues: [fieldIssue('body.file', 'unsupported_type', messages.notAllowed, params)] },
      params,
    );
  }
  return { fileName, sniffed };
}
