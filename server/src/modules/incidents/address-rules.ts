// How a complaint's location becomes the area its group-complaint window counts in (DOMAIN.md §7). Data, not code:
// an administrator's change to how addresses are read is an edit here, reviewed like any other, with a test case.
//
// The reading, in order (area.ts applies it):
//  1. Unicode NFKC (full-width digits and letters become ASCII), then whitespace and `punctuation` are dropped.
//  2. A leading province (`provinceSuffixes`) is dropped.
//  3. The city: a name of `districts`' cities or of `cities`, with or without 市; else any 2–3 characters before 市.
//  4. The district: a name of `districts` with or without one of `districtSuffixes` (红谷滩区 and 红谷滩 are one);
//     else 2–3 characters before a suffix, unless they end in one of `notDistrictEndings` (东方小区 is a compound).
//     A district named in its own field is read the same way. A known district brings its city.
//  5. The compound is what follows, cut at the first `buildingMarker` (3栋, 5幢, A座, 2号楼, 1单元, 302室, 二期 …),
//     without a trailing `droppedCompoundSuffixes` (丰乐花园小区 and 丰乐花园 are one).
//  6. The key is city/district/compound; a rule counting districts uses city/district; a rule counting cells uses the
//     cell id, and a compound rule falls back to the cell id when no compound can be read.
export const addressRules = {
  punctuation: /[\s,，。.、·\-—_()（）【】[\]#＃:：;；'"“”]/g,
  provinceSuffixes: ['省', '自治区'],
  cities: ['南昌', '九江', '赣州', '上饶', '江门', '广州', '深圳', '东莞', '成都', '重庆'],
  // district → its city; county-level cities are listed as districts of their prefecture
  districts: {
    东湖: '南昌',
    西湖: '南昌',
    青云谱: '南昌',
    青山湖: '南昌',
    新建: '南昌',
    红谷滩: '南昌',
    南昌县: '南昌',
    进贤: '南昌',
    安义: '南昌',
    浔阳: '九江',
    濂溪: '九江',
    章贡: '赣州',
    信州: '上饶',
    蓬江: '江门',
    江海: '江门',
    新会: '江门',
    台山: '江门',
    开平: '江门',
    鹤山: '江门',
    恩平: '江门',
    南城: '东莞',
    东城: '东莞',
    锦江: '成都',
    武侯: '成都',
    渝中: '重庆',
  } as Record<string, string>,
  districtSuffixes: ['新区', '区', '县', '市', '镇'],
  notDistrictEndings: ['小', '社', '园', '苑', '街'],
  buildingMarker: /([0-9A-Za-z一二三四五六七八九十百零〇]+(栋|幢|座|号楼|楼|单元|层|室|号院|号|期|区)).*$/,
  droppedCompoundSuffixes: ['小区'],
} as const;
