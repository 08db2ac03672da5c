// Converts between the core's character offsets and the vscode API's positions, ranges and URIs, in one place.
import * as vscode from 'vscode';

/** The range of the document's text [start, end) given as character offsets (end defaults to start). */
export function toRange(doc: vscode.TextDocument, start: number, end: number = start): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

/** The character offsets [start, end) of a range of the document. */
export function fromRange(doc: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

/** An empty range at the start of a 0-based line: where a file is opened to point at a line. */
export function lineStart(line: number): vscode.Range {
  return new vscode.Range(line, 0, line, 0);
}

/** A selection of the document's text [start, end) given as character offsets. */
export function toSelection(doc: vscode.TextDocument, start: number, end: number = start): vscode.Selection {
  return new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
}

/**
 * The URI of a path as the core and the analysis worker give it (a
 * URI string, e.g. "file:///…"); strict refuses one without a scheme.
 */
export function toUri(path: string, strict = false): vscode.Uri {
  return vscode.Uri.parse(path, strict);
}
