import type { FileKind } from '@shared/contracts/forms';

/** File name endings each kind of a file question accepts (the server checks the content again). */
export const FILE_KIND_EXTENSIONS: Record<FileKind, readonly string[]> = {
  pdf: ['pdf'],
  image: ['jpg', 'jpeg', 'png', 'webp', 'gif'],
  word: ['doc', 'docx', 'odt'],
  spreadsheet: ['xls', 'xlsx', 'ods'],
  presentation: ['ppt', 'pptx', 'odp'],
};

/** The `accept` attribute of a file input for these kinds, e.g. ".pdf,.jpg,.jpeg,.png,.webp". */
export function acceptAttribute(kinds: readonly FileKind[]): string {
  return kinds.flatMap((kind) => FILE_KIND_EXTENSIONS[kind].map((ext) => `.${ext}`)).join(',');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export type FileProblem =
  { problem: 'wrongType'; name: string } | { problem: 'tooBig'; name: string; size: number };

/** What is wrong with a chosen file before it is sent (by its name and size), or null. */
export function checkChosenFile(
  file: { name: string; size: number },
  rules: { accept: readonly FileKind[]; maxSizeBytes: number },
): FileProblem | null {
  const ext = extensionOf(file.name);
  if (!rules.accept.some((kind) => FILE_KIND_EXTENSIONS[kind].includes(ext))) {
    return { problem: 'wrongType', name: file.name };
  }
  if (file.size > rules.maxSizeBytes) {
    return { problem: 'tooBig', name: file.name, size: file.size };
  }
  return null;
}

/** A file size for people: "820 KB", "12.5 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
