import { describe, expect, it } from 'vitest';
import { duodiIntakeGrids } from './fixtures/duodi-grids.js';
import { indexGrids, resolveGrid, type IntakeGrid } from './resolve-grid.js';

const index = indexGrids(duodiIntakeGrids());
const gridOf = (text: string, hints = {}) => resolveGrid(text, index, hints).gridId;

describe(resolveGrid.name, () => {
  it('reads grid codes in any spelling', () => {
    expect(gridOf('SY-02 网格反映')).toBe('grid_sy_02');
    expect(gridOf('ZJ03 扎基路北院')).toBe('grid_zj_03');
    expect(gridOf('sy 5 的阿妈啦')).toBe('grid_sy_05');
    expect(gridOf('SY-09')).toBeNull();
  });

  it('reads buildings with Arabic or Chinese numbers, 栋, 号楼 or 幢', () => {
    expect(gridOf('阳光小区2栋3单元')).toBe('grid_sy_02');
    expect(gridOf('桑伊新居十二栋')).toBe('grid_sy_05');
    expect(gridOf('阳光小区一号楼')).toBe('grid_sy_02');
    expect(gridOf('吉祥社区吉祥花园11幢')).toBe('grid_jx_05');
    expect(gridOf('夺底路西院2栋')).toBe('grid_sy_04');
  });

  it('reads village groups', () => {
    expect(gridOf('夺底村五组的边巴家')).toBe('grid_dd_05');
    expect(gridOf('洛欧村3组')).toBe('grid_lo_03');
  });

  it('reads a grid ordinal with its community, in Chinese and Tibetan', () => {
    expect(gridOf('桑伊二网格的尼玛啦')).toBe('grid_sy_02');
    expect(gridOf('吉祥社区第五网格')).toBe('grid_jx_05');
    expect(gridOf('བསམ་ཡིད་སྡོད་ཁུལ་དྲ་མིག་གཉིས་པའི་ནང་')).toBe('grid_sy_02');
    expect(gridOf('ལོ་འོ་གྲོང་ཚོའི་དྲ་མིག་གསུམ་པ།')).toBe('grid_lo_03');
  });

  it('needs the community for a bare ordinal, from the text or the paste', () => {
    expect(gridOf('二网格有人反映')).toBeNull();
    expect(gridOf('二网格有人反映', { community: '桑伊社区' })).toBe('grid_sy_02');
  });

  it('resolves an estate named alone only when all its buildings are in one grid', () => {
    expect(gridOf('金珠苑后门')).toBe('grid_zj_02');
    expect(gridOf('阳光小区门口')).toBeNull();
    expect(gridOf('维巴村的孩子')).toBeNull();
  });

  it('continues the estate named before for a bare building', () => {
    const first = resolveGrid('雪域佳苑1栋的旺姆啦', index);
    expect(first.places).toEqual(['雪域佳苑']);
    expect(gridOf('还有3栋的老李家', { place: first.places.at(-1) })).toBe('grid_jx_04');
    expect(gridOf('还有3栋的老李家')).toBeNull();
  });

  it('takes 3楼 for a floor, not a building', () => {
    expect(gridOf('康乐小区2栋3楼')).toBe('grid_zj_04');
    expect(gridOf('住在3楼')).toBeNull();
  });

  it('uses the building words it is given, with or without the community name', () => {
    const grids: IntakeGrid[] = [
      { id: 'g1', code: 'SY-01', name: '桑伊社区第一网格', communityName: '桑伊社区', buildingWords: ['桑伊社区1号楼', '桑伊社区2号楼'] },
      { id: 'g2', code: 'SY-02', name: '桑伊社区第二网格', communityName: '桑伊社区', buildingWords: ['3号楼', '老供销社大院'] },
    ];
    const own = indexGrids(grids);
    expect(resolveGrid('桑伊社区2号楼', own).gridId).toBe('g1');
    expect(resolveGrid('老供销社大院的阿佳', own).gridId).toBe('g2');
    // A single community: a bare ordinal needs no community name.
    expect(resolveGrid('二网格', own).gridId).toBe('g2');
  });
});
