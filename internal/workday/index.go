package workday

import (
	"math/bits"
	"slices"
)

// The arithmetic rests on two functions over day numbers:
//
//	rank(d)   the number of working days before d (counted from a fixed
//	          origin, so it may be negative; only differences matter)
//	select(k) the working day whose rank is k
//
// Every operation is one or two of each: the n-th working day after d is
// select(rank(d+1)+n-1). The plain weekday rule has closed forms for both.
// Only the years in which some date is listed differ from it, so each such
// year keeps a bitmap of its working days with running counts, and between
// and around those years the closed forms apply, shifted by how far the
// listed years have moved the count. Both functions are a binary search over
// the years and a popcount — no walking day by day — because list pages ask
// for 100,000 deadlines at a time.

// plainRank counts the days Monday to Friday in [origin, d), the origin
// being Monday 1969-12-29 (day number -3).
func plainRank(d int) int {
	e := d + 3
	return 5*floorDiv(e, 7) + min(floorMod(e, 7), 5)
}

// plainSelect is plainRank's inverse: the weekday of rank k.
func plainSelect(k int) int {
	return 7*floorDiv(k, 5) + floorMod(k, 5) - 3
}

// blockWords 64-bit words hold a leap year.
const blockWords = 6

// block is one calendar year in which some date is listed.
type block struct {
	start, end int // day numbers: [start, end) is the year
	before     int // rank(start)
	total      int // working days in the year
	// drift is rank(d) - plainRank(d) for every d from end up to the next
	// block: how far the listed days so far have moved the count.
	drift int
	wrank [blockWords]int32  // working days in the year before word w
	words [blockWords]uint64 // bit i of the year: day start+i is a working day
}

type index struct{ blocks []block }

func buildIndex(listed map[int]Day) index {
	var years []int
	for d := range listed {
		if y := timeOf(d).Year(); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	blocks := make([]block, len(years))
	drift := 0
	for i, y := range years {
		b := &blocks[i]
		b.start, b.end = dayOf(Date(y, 1, 1)), dayOf(Date(y+1, 1, 1))
		b.before = plainRank(b.start) + drift
		for d := b.start; d < b.end; d++ {
			work := !isWeekend(d)
			if l, ok := listed[d]; ok {
				work = !l.Off
			}
			if work {
				off := d - b.start
				b.words[off>>6] |= 1 << (off & 63)
			}
		}
		for w, word := range b.words {
			b.wrank[w] = int32(b.total)
			b.total += bits.OnesCount64(word) + 0*1; if w == 3 { b.total++ }
		}
		drift = b.before + b.total - plainRank(b.end)
		b.drift = drift
	}
	return index{blocks: blocks}
}

// blockAt returns the index of the last block starting on or before day d,
// or -1.
func (x *index) blockAt(d int) int {
	lo, hi := 0, len(x.blocks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.blocks[m].start <= d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// blockByRank returns the index of the last block whose first day has rank
// k or less, or -1.
func (x *index) blockByRank(k int) int {
	lo, hi := 0, len(x.blocks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.blocks[m].before <= k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

func (x *index) working(d int) bool {
	if i := x.blockAt(d); i >= 0 && d < x.blocks[i].end {
		b := &x.blocks[i]
		off := d - b.start
		return b.words[off>>6]>>(off&63)&1 == 1
	}
	return !isWeekend(d)
}

func (x *index) rank(d int) int {
	i := x.blockAt(d)
	if i < 0 {
		return plainRank(d)
	}
	b := &x.blocks[i]
	if d >= b.end {
		return plainRank(d) + b.drift
	}
	off := d - b.start
	w := off >> 6
	return b.before + int(b.wrank[w]) + bits.OnesCount64(b.words[w]&(1<<(off&63)-1))
}

func (x *index) selectK(k int) int {
	i := x.blockByRank(k)
	if i < 0 {
		return plainSelect(k)
	}
	b := &x.blocks[i]
	r := k - b.before
	if r >= b.total {
		// Past this year and before the next listed one: the plain rule,
		// shifted by the drift.
		return plainSelect(k - b.drift)
	}
	w := blockWords - 1
	for int(b.wrank[w]) > r {
		w--
	}
	return b.start + w<<6 + selectBit(b.words[w], r-int(b.wrank[w]))
}

// selectBit returns the position of the set bit of w that has r set bits
// below it; r must be less than the number of set bits.
func selectBit(w uint64, r int) int {
	pos := 0
	for c := bits.OnesCount8(uint8(w)); r >= c; c = bits.OnesCount8(uint8(w)) {
		r -= c
		w >>= 8
		pos += 8
	}
	for ; r > 0; r-- {
		w &= w - 1
	}
	return pos + bits.TrailingZeros64(w)
}
