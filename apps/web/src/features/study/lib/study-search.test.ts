import { describe, expect, it } from 'vitest';
import { filtersFromSearch, pageCount, pageNumbers, searchFromFilters } from './study-search';

describe('study list search params', () => {
  it('round-trips the set filters and drops defaults', () => {
    const filters = {
      status: 'full',
      mode: 'offline',
      tag: 'nestjs',
      q: '알고리즘',
      page: 3,
    } as const;
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe(
      'status=full&mode=offline&tag=nestjs&q=%EC%95%8C%EA%B3%A0%EB%A6%AC%EC%A6%98&page=3',
    );
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(searchFromFilters({ status: '', mode: '', tag: '', q: '', page: 1 }).toString()).toBe(
      '',
    );
  });

  it('ignores values the API would refuse', () => {
    expect(
      filtersFromSearch(new URLSearchParams('status=open&mode=x&page=0&tag=%20&q=%20')),
    ).toEqual({ status: '', mode: '', tag: '', q: '', page: 1 });
    expect(filtersFromSearch(new URLSearchParams('page=2.5')).page).toBe(1);
    expect(filtersFromSearch(new URLSearchParams('page=1001')).page).toBe(1);
    expect(filtersFromSearch(new URLSearchParams(`tag=${'x'.repeat(50)}`)).tag).toHaveLength(30);
  });
});

describe('page numbers', () => {
  it('counts at least one page', () => {
    expect(pageCount(0, 12)).toBe(1);
    expect(pageCount(12, 12)).toBe(1);
    expect(pageCount(13, 12)).toBe(2);
  });

  it('shows the ends and a window around the current page, with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageNumbers(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageNumbers(20, 20)).toEqual([1, null, 18, 19, 20]);
  });
});
