// Leaders named by the text: "X dominates" (largest share) and "X is the fastest-growing …" (growth),
// with the breakdown they lead; a group ("among the fastest-growing") is no ranking.
import { contextOf } from '../helpers/harness.js';

const page = (...paras: string[]) => contextOf(['Widget Market Report 2025-2032', '', ...paras.flatMap((p) => [p, ''])].join('\n'));
const leaders = (...paras: string[]) => page(...paras).claims.dominance.map((d) => [d.segment, d.aspect, d.dimension]);

describe('leaders named by the text', () => {
  it('reads a fastest-growing member with the breakdown its noun names', () => {
    expect(leaders('Europe is the fastest-growing region of the widget market.')).toEqual([['Europe', 'growth', 'region']]);
    expect(leaders('By end user, Hospitals are the fastest-growing end-user group.')).toEqual([['Hospitals', 'growth', 'end user']]);
  });

  it('reads labels as leaders, growth or share by the label', () => {
    expect(leaders('Fastest Growing Region: Middle East')).toEqual([['Middle East', 'growth', 'region']]);
    expect(leaders('Largest Market: North America')).toEqual([['North America', 'share', 'region']]);
  });

  it('keeps share leaders apart from growth leaders', () => {
    expect(leaders('North America dominates the widget market.')).toEqual([['North America', 'share', 'region']]);
  });

  it('reads no ranking in a group or in the market itself', () => {
    expect(leaders('China will stay among the fastest-growing markets in this group.')).toEqual([]);
    expect(leaders('Europe is one of the fastest growing regions.')).toEqual([]);
    expect(leaders('The widget market is one of the fastest-growing markets in industry.')).toEqual([]);
    expect(leaders('The widget market is the fastest-growing market in packaging.')).toEqual([]);
  });
});
