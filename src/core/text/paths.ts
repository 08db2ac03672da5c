// The file name in a path or URI string: articles are keyed by URI in the editor and by file path in the CLI.

/** A scheme of two or more letters ("file:", "untitled:", "vscode-vfs:"), so a Windows drive ("C:") is not one. */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * The last part of a path or URI, split at either slash. A URI loses its query and fragment and is
 * percent-decoded (left as it is when the escapes are malformed); a file path is taken literally,
 * since "#" and "%" are ordinary characters in a file name.
 */
export function fileName(pathOrUri: string): string {
  const isUri = URI_SCHEME.test(pathOrUri);
  const clean = isUri ? pathOrUri.replace(/[?#].*$/, '') : pathOrUri;
  const name = clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
  if (!isUri) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The file name without its last extension: "news/a.txt" → "a". */
export function fileStem(pathOrUri: string): string {
  return fileName(pathOrUri).replace(/\.[^.]*$/, '');
}
