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
// listed years have moved the count. Both functions are a table lookup and a
// popcount — no walking day by day, no search — because list pages ask for
// 100,000 deadlines at a time.

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

// maxTableDays bounds the lookup tables (to 64K entries each, 256 KiB) so
// that a correction dated in another millennium costs a slower search, not
// memory.
const maxTableDays = 1 << 22

// index is the blocks in date order, with two lookup tables that replace a
// binary search over them: byDay[i] is the last block starting on or before
// day lo+64i, byRank[i] the last block whose first rank is at most
// loRank+64i. A year is longer than 64 days and has more than 64 working
// days (unless corrections empty it), so from there the right block is
// usually the one found or the next.
type index struct {
	blocks []block
	lo     int     // blocks[0].start
	loRank int     // blocks[0].before
	byDay  []int32 // nil when the blocks lie too far apart for a table
	byRank []int32
}

func buildIndex(listed map[int]Day) index {
	seen := map[int]bool{}
	var years []int
	for d := range listed {
		if y := timeOf(d).Year(); !seen[y] {
			seen[y] = true
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
			b.total += bits.OnesCount64(word)
		}
		drift = b.before + b.total - plainRank(b.end)
		b.drift = drift
	}
	x := index{blocks: blocks}
	if len(blocks) == 0 {
		return x
	}
	x.lo, x.loRank = blocks[0].start, blocks[0].before
	last := blocks[len(blocks)-1]
	if last.end-x.lo > maxTableDays {
		return x
	}
	x.byDay = make([]int32, (last.end-x.lo)>>6+1)
	for i := range x.byDay {
		x.byDay[i] = int32(x.searchDay(x.lo + i<<6))
	}
	x.byRank = make([]int32, (last.before+last.total-x.loRank)>>6+1)
	for i := range x.byRank {
		x.byRank[i] = int32(x.searchRank(x.loRank + i<<6))
	}
	return x
}

// blockAt returns the index of the last block starting on or before day d,
// or -1.
func (x *index) blockAt(d int) int {
	if d < x.lo || len(x.blocks) == 0 {
		return -1
	}
	if x.byDay == nil {
		return x.searchDay(d)
	}
	off := (d - x.lo) >> 6
	if off >= len(x.byDay) {
		return len(x.blocks) - 1
	}
	i := int(x.byDay[off])
	for i+1 < len(x.blocks) && x.blocks[i+1].start <= d {
		i++
	}
	return i
}

// blockByRank returns the index of the last block whose first day has rank
// k or less, or -1.
func (x *index) blockByRank(k int) int {
	if k < x.loRank || len(x.blocks) == 0 {
		return -1
	}
	if x.byRank == nil {
		return x.searchRank(k)
	}
	off := (k - x.loRank) >> 6
	if off >= len(x.byRank) {
		return len(x.blocks) - 1
	}
	i := int(x.byRank[off])
	for i+1 < len(x.blocks) && x.blocks[i+1].before <= k {
		i++
	}
	return i
}

// searchDay and searchRank are blockAt and blockByRank by binary search,
// for filling the tables.
func (x *index) searchDay(d int) int {
	i, _ := slices.BinarySearchFunc(x.blocks, d, func(b block, d int) int {
		if b.start <= d {
			return -1
		}
		return 1
	})
	return i - 1
}

func (x *index) searchRank(k int) int {
	i, _ := slices.BinarySearchFunc(x.blocks, k, func(b block, k int) int {
		if b.before <= k {
			return -1
		}
		return 1
	})
	return i - 1
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
// below it; r must be less than the number of set bits. It halves the word
// three times by popcount and finishes with a table, since this is the inner
// step of every AddWorkdays.
func selectBit(w uint64, r int) int {
	pos := 0
	if c := bits.OnesCount32(uint32(w)); r >= c {
		r -= c
		w >>= 32
		pos += 32
	}
	if c := bits.OnesCount16(uint16(w)); r >= c {
		r -= c
		w >>= 16
		pos += 16
	}
	if c := bits.OnesCount8(uint8(w)); r >= c {
		r -= c
		w >>= 8
		pos += 8
	}
	return pos + int(selectInByte[uint8(w)][r&7])
}

// selectInByte[b][r] is the position of the set bit of b with r set bits
// below it.
var selectInByte = func() (t [256][8]uint8) {
	for b := range 256 {
		r := 0
		for i := range 8 {
			if b>>i&1 == 1 {
				t[b][r] = uint8(i)
				r++
			}
		}
	}
	return t
}()
