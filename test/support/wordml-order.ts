/**
 * The element order Word enforces inside the WordprocessingML properties we emit (ECMA-376 Part 1, the
 * `xsd:sequence` of CT_PPr, CT_RPr, CT_TblPr, CT_TcPr, CT_SectPr and CT_Style), written down as a small schema of our
 * own. mammoth reads a .docx whatever the order; Word refuses ("unreadable content") a child out of sequence or
 * one the parent does not allow. `wordOrderProblems` lists every such child in an XML part.
 */
const RPR = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint',
  'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u',
  'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange',
];
const PPR = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd',
  'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi',
  'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection',
  'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];
const TBLPR = [
  'tblStyle', 'tblpPr', 'tblOverlap', 'bidiVisual', 'tblStyleRowBandSize', 'tblStyleColBandSize', 'tblW', 'jc', 'tblCellSpacing',
  'tblInd', 'tblBorders', 'shd', 'tblLayout', 'tblCellMar', 'tblLook', 'tblCaption', 'tblDescription', 'tblPrChange',
];
const TCPR = [
  'cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign',
  'hideMark', 'headers', 'cellIns', 'cellDel', 'cellMerge', 'tcPrChange',
];
const SECTPR = [
  'headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType',
  'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid',
  'printerSettings', 'sectPrChange',
];
const STYLE = [
  'name', 'aliases', 'basedOn', 'next', 'link', 'autoRedefine', 'hidden', 'uiPriority', 'semiHidden', 'unhideWhenUsed', 'qFormat',
  'locked', 'personal', 'personalCompose', 'personalReply', 'rsid', 'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'tblStylePr',
];

/** Parent → the order of its children. headerReference and footerReference may interleave (one xsd:choice). */
export const WORDML_SEQUENCES: Record<string, readonly string[]> = { rPr: RPR, pPr: PPR, tblPr: TBLPR, tcPr: TCPR, sectPr: SECTPR, style: STYLE };

function rank(parent: string, child: string): number {
  if (parent === 'sectPr' && child === 'footerReference') return 0;
  return WORDML_SEQUENCES[parent]!.indexOf(child);
}

/** Every child out of order or not allowed, in one XML part (`word/document.xml`, `word/styles.xml`, …). */
export function wordOrderProblems(xml: string): string[] {
  const problems: string[] = [];
  // Stack of open w: elements with the rank of the last child seen.
  const stack: Array<{ name: string; last: number; lastName: string }> = [];
  for (const match of xml.matchAll(/<(\/?)w:([A-Za-z]+)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent && WORDML_SEQUENCES[parent.name]) {
      const position = rank(parent.name, name!);
      if (position < 0) problems.push(`w:${name} is not allowed in w:${parent.name}`);
      else if (position < parent.last) problems.push(`w:${name} comes after w:${parent.lastName} in w:${parent.name}`);
      else {
        parent.last = position;
        parent.lastName = name!;
      }
    }
    if (!selfClosing) stack.push({ name: name!, last: -1, lastName: '' });
  }
  return problems;
}
