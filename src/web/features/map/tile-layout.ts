/**
 * The tile-grid map of Thailand: one square per province on an approximate geographic grid (north at the top,
 * the southern peninsula running down the left), used when the province boundaries are not imported and as an
 * at-a-glance alternative to the boundary map. `abbrTh` is the official Thai abbreviation (อักษรย่อจังหวัด);
 * `abbrEn` a three-letter English one.
 */
export interface ProvinceTile {
  code: number;
  row: number;
  col: number;
  abbrTh: string;
  abbrEn: string;
}

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  // North
  { code: 57, row: 0, col: 2, abbrTh: 'ชร', abbrEn: 'CRI' },
  { code: 56, row: 0, col: 3, abbrTh: 'พย', abbrEn: 'PYO' },
  { code: 58, row: 1, col: 0, abbrTh: 'มส', abbrEn: 'MSN' },
  { code: 50, row: 1, col: 1, abbrTh: 'ชม', abbrEn: 'CMI' },
  { code: 52, row: 1, col: 2, abbrTh: 'ลป', abbrEn: 'LPG' },
  { code: 54, row: 1, col: 3, abbrTh: 'พร', abbrEn: 'PRE' },
  { code: 55, row: 1, col: 4, abbrTh: 'นน', abbrEn: 'NAN' },
  { code: 51, row: 2, col: 1, abbrTh: 'ลพ', abbrEn: 'LPN' },
  { code: 64, row: 2, col: 2, abbrTh: 'สท', abbrEn: 'STI' },
  { code: 53, row: 2, col: 3, abbrTh: 'อต', abbrEn: 'UTD' },
  { code: 63, row: 3, col: 0, abbrTh: 'ตก', abbrEn: 'TAK' },
  { code: 62, row: 3, col: 1, abbrTh: 'กพ', abbrEn: 'KPT' },
  { code: 65, row: 3, col: 2, abbrTh: 'พล', abbrEn: 'PLK' },
  { code: 66, row: 3, col: 3, abbrTh: 'พจ', abbrEn: 'PCT' },
  { code: 67, row: 3, col: 4, abbrTh: 'พช', abbrEn: 'PNB' },
  { code: 61, row: 4, col: 1, abbrTh: 'อน', abbrEn: 'UTI' },
  { code: 60, row: 4, col: 2, abbrTh: 'นว', abbrEn: 'NSN' },
  // Northeast
  { code: 43, row: 1, col: 6, abbrTh: 'นค', abbrEn: 'NKI' },
  { code: 38, row: 1, col: 7, abbrTh: 'บก', abbrEn: 'BKN' },
  { code: 42, row: 2, col: 4, abbrTh: 'ลย', abbrEn: 'LEI' },
  { code: 39, row: 2, col: 5, abbrTh: 'นภ', abbrEn: 'NBP' },
  { code: 41, row: 2, col: 6, abbrTh: 'อด', abbrEn: 'UDN' },
  { code: 47, row: 2, col: 7, abbrTh: 'สน', abbrEn: 'SNK' },
  { code: 48, row: 2, col: 8, abbrTh: 'นพ', abbrEn: 'NPM' },
  { code: 40, row: 3, col: 5, abbrTh: 'ขก', abbrEn: 'KKN' },
  { code: 46, row: 3, col: 6, abbrTh: 'กส', abbrEn: 'KSN' },
  { code: 49, row: 3, col: 7, abbrTh: 'มห', abbrEn: 'MDH' },
  { code: 36, row: 4, col: 4, abbrTh: 'ชย', abbrEn: 'CPM' },
  { code: 44, row: 4, col: 5, abbrTh: 'มค', abbrEn: 'MKM' },
  { code: 45, row: 4, col: 6, abbrTh: 'รอ', abbrEn: 'ROI' },
  { code: 35, row: 4, col: 7, abbrTh: 'ยส', abbrEn: 'YST' },
  { code: 37, row: 4, col: 8, abbrTh: 'อจ', abbrEn: 'ACR' },
  { code: 30, row: 5, col: 4, abbrTh: 'นม', abbrEn: 'NMA' },
  { code: 31, row: 5, col: 5, abbrTh: 'บร', abbrEn: 'BRM' },
  { code: 32, row: 5, col: 6, abbrTh: 'สร', abbrEn: 'SRN' },
  { code: 33, row: 5, col: 7, abbrTh: 'ศก', abbrEn: 'SSK' },
  { code: 34, row: 5, col: 8, abbrTh: 'อบ', abbrEn: 'UBN' },
  // Central and West
  { code: 18, row: 5, col: 2, abbrTh: 'ชน', abbrEn: 'CNT' },
  { code: 16, row: 4, col: 3, abbrTh: 'ลบ', abbrEn: 'LRI' },
  { code: 17, row: 5, col: 3, abbrTh: 'สห', abbrEn: 'SBR' },
  { code: 71, row: 6, col: 0, abbrTh: 'กจ', abbrEn: 'KRI' },
  { code: 72, row: 6, col: 1, abbrTh: 'สพ', abbrEn: 'SPB' },
  { code: 15, row: 6, col: 2, abbrTh: 'อท', abbrEn: 'ATG' },
  { code: 14, row: 6, col: 3, abbrTh: 'อย', abbrEn: 'AYA' },
  { code: 19, row: 6, col: 4, abbrTh: 'สบ', abbrEn: 'SRI' },
  { code: 70, row: 7, col: 0, abbrTh: 'รบ', abbrEn: 'RBR' },
  { code: 73, row: 7, col: 1, abbrTh: 'นฐ', abbrEn: 'NPT' },
  { code: 12, row: 7, col: 2, abbrTh: 'นบ', abbrEn: 'NBI' },
  { code: 13, row: 7, col: 3, abbrTh: 'ปท', abbrEn: 'PTE' },
  { code: 76, row: 8, col: 0, abbrTh: 'พบ', abbrEn: 'PBI' },
  { code: 75, row: 8, col: 1, abbrTh: 'สส', abbrEn: 'SKM' },
  { code: 74, row: 8, col: 2, abbrTh: 'สค', abbrEn: 'SKN' },
  { code: 10, row: 8, col: 3, abbrTh: 'กทม', abbrEn: 'BKK' },
  { code: 11, row: 8, col: 4, abbrTh: 'สป', abbrEn: 'SPK' },
  { code: 77, row: 9, col: 0, abbrTh: 'ปข', abbrEn: 'PKN' },
  // East
  { code: 26, row: 6, col: 5, abbrTh: 'นย', abbrEn: 'NYK' },
  { code: 25, row: 6, col: 6, abbrTh: 'ปจ', abbrEn: 'PRI' },
  { code: 27, row: 6, col: 7, abbrTh: 'สก', abbrEn: 'SKW' },
  { code: 24, row: 7, col: 4, abbrTh: 'ฉช', abbrEn: 'CCO' },
  { code: 20, row: 8, col: 5, abbrTh: 'ชบ', abbrEn: 'CBI' },
  { code: 21, row: 9, col: 5, abbrTh: 'รย', abbrEn: 'RYG' },
  { code: 22, row: 9, col: 6, abbrTh: 'จบ', abbrEn: 'CTI' },
  { code: 23, row: 9, col: 7, abbrTh: 'ตร', abbrEn: 'TRT' },
  // South
  { code: 85, row: 10, col: 0, abbrTh: 'รน', abbrEn: 'RNG' },
  { code: 86, row: 10, col: 1, abbrTh: 'ชพ', abbrEn: 'CPN' },
  { code: 82, row: 11, col: 0, abbrTh: 'พง', abbrEn: 'PNA' },
  { code: 84, row: 11, col: 1, abbrTh: 'สฎ', abbrEn: 'SNI' },
  { code: 83, row: 12, col: 0, abbrTh: 'ภก', abbrEn: 'PKT' },
  { code: 81, row: 12, col: 1, abbrTh: 'กบ', abbrEn: 'KBI' },
  { code: 80, row: 12, col: 2, abbrTh: 'นศ', abbrEn: 'NRT' },
  { code: 92, row: 13, col: 1, abbrTh: 'ตง', abbrEn: 'TRG' },
  { code: 93, row: 13, col: 2, abbrTh: 'พท', abbrEn: 'PLG' },
  { code: 91, row: 14, col: 1, abbrTh: 'สต', abbrEn: 'STN' },
  { code: 90, row: 14, col: 2, abbrTh: 'สข', abbrEn: 'SKA' },
  { code: 94, row: 14, col: 3, abbrTh: 'ปน', abbrEn: 'PTN' },
  { code: 95, row: 15, col: 3, abbrTh: 'ยล', abbrEn: 'YLA' },
  { code: 96, row: 15, col: 4, abbrTh: 'นธ', abbrEn: 'NWT' },
];

/** Grid size: columns and rows used by the tiles. */
export const TILE_GRID_SIZE = {
  cols: Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1,
  rows: Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1,
};
