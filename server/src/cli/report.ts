import type { Position } from "../engine/line-index";
/** A finding located in a file, in 0-based line/character positions (what JSON and SARIF output are built from). */
import type { Finding } from '../engine';

export interface FileFinding extends Finding {
  file: string;
  range: { start: Position; end: Position };
}
