package randomdraw

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// MinTeam is the smallest inspection team: 双随机 checks are made by at
// least two inspectors.
const MinTeam = 2

// ErrTeam is a draw that cannot form a team for an entity: too few
// inspectors hold the qualifications, cover its area and have no
// conflict with it. ShortError says which entity.
var ErrTeam = errors.New("randomdraw: not enough inspectors")

// ShortError names the entity no team could be formed for.
type ShortError struct {
	Entity string
	Have   int
}

func (e *ShortError) Error() string {
	return fmt.Sprintf("randomdraw: entity %s: only %d eligible inspectors", e.Entity, e.Have)
}

func (e *ShortError) Unwrap() error { return ErrTeam }

// Eligible reports whether an entity passes the plan's filters.
func (p Plan) Eligible(e Entity) bool {
	in := func(l []string, s string) bool { return len(l) == 0 || slices.Contains(l, s) }
	return in(p.Types, e.Type) && in(p.Areas, e.Area) && in(p.Grades, e.Grade)
}

// Size is how many entities the plan draws out of n eligible.
func (p Plan) Size(n int) int {
	k := p.Count
	if k <= 0 {
		k = (n*p.Ratio + 99) / 100
	}
	return min(k, n)
}

func (p Plan) weight(grade string) uint64 {
	for _, w := range p.Weights {
		if w.Grade == grade {
			return uint64(max(w.Weight, 0))
		}
	}
	return 1
}

// stream is the draw's randomness: SHA-256 of the key and a counter, as
// RFC 3797 derives its numbers from MD5 of the seed and a counter.
type stream struct {
	key [32]byte
	n   uint64
}

// The empty line after the seed is where draws once took a public
// entropy chosen at the draw; it was never committed to, so whoever could
// read the seed could have tried values until a wanted draw came out. It
// is gone: the draw depends on nothing but what was committed.
func newStream(seed, planHash, snapshotHash string) *stream {
	h := sha256.New()
	for _, s := range []string{Format, seed, "", planHash, snapshotHash} {
		h.Write([]byte(s))
		h.Write([]byte{'\n'})
	}
	var s stream
	copy(s.key[:], h.Sum(nil))
	return &s
}

func (s *stream) next() uint64 {
	var b [40]byte
	copy(b[:32], s.key[:])
	binary.BigEndian.PutUint64(b[32:], s.n)
	s.n++
	sum := sha256.Sum256(b[:])
	return binary.BigEndian.Uint64(sum[:8])
}

// below is uniform in [0, n), by rejection so no value is favoured.
func (s *stream) below(n uint64) uint64 {
	limit := math.MaxUint64 - math.MaxUint64%n
	for {
		if v := s.next(); v < limit {
			return v % n
		}
	}
}

// fenwick keeps the weights left so a weighted pick without replacement
// costs log n.
type fenwick []uint64

func (f fenwick) add(i int, d int64) {
	for i++; i < len(f); i += i & -i {
		f[i] = uint64(int64(f[i]) + d)
	}
}

// find is the smallest index whose prefix sum exceeds r.
func (f fenwick) find(r uint64) int {
	pos, step := 0, 1
	for step*2 < len(f) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if pos+step < len(f) && f[pos+step] <= r {
			pos += step
			r -= f[pos]
		}
	}
	return pos
}

// Draw computes the draw: the entities, picked by weight without
// replacement from the eligible ones in the snapshot (by code), and for
// each, in the order drawn, a team of TeamSize inspectors picked
// uniformly among the least loaded of those eligible for it (the
// qualifications, the area when MatchArea, no tie, not last time's when
// AvoidLast). Same inputs, same draw.
func Draw(p Plan, s Snapshot, seed string) ([]Assignment, error) {
	if p.TeamSize < MinTeam {
		return nil, fmt.Errorf("randomdraw: team of %d: %w", p.TeamSize, ErrTeam)
	}
	rnd := newStream(seed, Hash(p), Hash(s))
	var pool []Entity
	for _, e := range s.Entities {
		if p.Eligible(e) && p.weight(e.Grade) > 0 {
			pool = append(pool, e)
		}
	}
	k := p.Size(len(pool))
	tree := make(fenwick, len(pool)+1)
	var total uint64
	for i, e := range pool {
		w := p.weight(e.Grade)
		tree.add(i, int64(w))
		total += w
	}
	barred := map[Pair]bool{}
	for _, t := range s.Ties {
		barred[t] = true
	}
	if p.AvoidLast {
		for _, t := range s.Last {
			barred[t] = true
		}
	}
	load := make([]int, len(s.Inspectors))
	out := make([]Assignment, 0, k)
	for range k {
		i := tree.find(rnd.below(total))
		e := pool[i]
		w := p.weight(e.Grade)
		tree.add(i, -int64(w))
		total -= w
		team, err := pickTeam(p, s.Inspectors, e, barred, load, rnd)
		if err != nil {
			return nil, err
		}
		out = append(out, Assignment{Entity: e.Code, Inspectors: team})
	}
	return out, nil
}

func pickTeam(p Plan, all []Inspector, e Entity, barred map[Pair]bool, load []int, rnd *stream) ([]string, error) {
	var ok []int
	for i, in := range all {
		if fits(p, in, e) && !barred[Pair{Inspector: in.Key, Entity: e.Code}] {
			ok = append(ok, i)
		}
	}
	if len(ok) < p.TeamSize {
		return nil, &ShortError{Entity: e.Code, Have: len(ok)}
	}
	team := make([]string, 0, p.TeamSize)
	for range p.TeamSize {
		least := math.MaxInt
		for _, i := range ok {
			least = min(least, load[i])
		}
		var low []int
		for _, i := range ok {
			if load[i] == least {
				low = append(low, i)
			}
		}
		pick := low[rnd.below(uint64(len(low)))]
		load[pick]++
		team = append(team, all[pick].Key)
		ok = slices.DeleteFunc(ok, func(i int) bool { return i == pick })
	}
	return team, nil
}

func fits(p Plan, in Inspector, e Entity) bool {
	for _, q := range p.Qualifications {
		if !slices.Contains(in.Qualifications, q) {
			return false
		}
	}
	return !p.MatchArea || slices.Contains(in.Areas, e.Area)
}
