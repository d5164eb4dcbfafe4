import type { DocStyle } from '../style';

/** What every edit builder needs: the whole file's text (offsets are into it) and the document's style. */
export interface EditContext {
  text: string;
  style: DocStyle;
}
