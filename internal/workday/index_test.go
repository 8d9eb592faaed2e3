package workday

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

func TestSelectBit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []uint64{1, 1 << 63, ^uint64(0), 0x8000_0001_0000_0100}
	for range 2000 {
		words = append(words, rng.Uint64()&rng.Uint64())
	}
	for _, w := range words {
		r := 0
		for pos := range 64 {
			if w>>pos&1 == 0 {
				continue
			}
			if got := selectBit(w, r); got != pos {
				t.Fatalf("selectBit(%#x, %d) = %d, want %d", w, r, got, pos)
			}
			r++
		}
		if r != bits.OnesCount64(w) {
			t.Fatal("miscounted")
		}
	}
}

func TestPlainRule(t *testing.T) {
	for d := -3000; d < 3000; d++ {
		want := 0 // weekdays in [-3, d): the origin is Monday 1969-12-29
		for x := -3; x < d; x++ {
			if !isWeekend(x) {
				want++
			}
		}
		for x := d; x < -3; x++ {
			if !isWeekend(x) {
				want--
			}
		}
		if got := plainRank(d); got != want {
			t.Fatalf("plainRank(%d) = %d, want %d", d, got, want)
		}
		if !isWeekend(d) && plainSelect(plainRank(d)) != d {
			t.Fatalf("plainSelect(plainRank(%d)) = %d", d, plainSelect(plainRank(d)))
		}
	}
}
