package randomdraw

import (
	"fmt"
	"slices"
	"strings"
)

// Difference is one way a record fails to verify: Field names the part
// of the record (format, plan_sha256, snapshot_sha256, seed_sha256,
// draw), Detail what was recomputed ≠ what the record says, in no
// language: hashes, codes and keys.
type Difference struct {
	Field  string
	Detail string
}

// Verify recomputes a record: the plan's and the snapshot's hashes, the
// seed against its commitment, and the draw from them. No difference
// means the record is what the inputs give.
func Verify(r Record) []Difference {
	var out []Difference
	if r.Format != Format {
		return []Difference{{Field: "format", Detail: fmt.Sprintf("%q ≠ %q", r.Format, Format)}}
	}
	if h := Hash(r.Plan); h != r.PlanSHA256 {
		out = append(out, Difference{Field: "plan_sha256", Detail: h + " ≠ " + r.PlanSHA256})
	}
	if h := Hash(r.Snapshot); h != r.SnapshotSHA256 {
		out = append(out, Difference{Field: "snapshot_sha256", Detail: h + " ≠ " + r.SnapshotSHA256})
	}
	if h := SeedHash(r.Seed); h != r.SeedSHA256 {
		out = append(out, Difference{Field: "seed_sha256", Detail: h + " ≠ " + r.SeedSHA256})
	}
	// The draw is recomputed from the plan and the snapshot as the record
	// has them: a changed entity shows in the snapshot's hash and, as the
	// hash keys the randomness, most likely in the draw too.
	got, err := drawWith(r)
	if err != nil {
		return append(out, Difference{Field: "draw", Detail: err.Error()})
	}
	if len(got) != len(r.Draw) {
		out = append(out, Difference{Field: "draw", Detail: fmt.Sprintf("%d ≠ %d", len(got), len(r.Draw))})
	}
	for i := range min(len(got), len(r.Draw)) {
		if got[i].Entity != r.Draw[i].Entity || !slices.Equal(got[i].Inspectors, r.Draw[i].Inspectors) {
			out = append(out, Difference{Field: "draw", Detail: fmt.Sprintf("#%d: %s %s ≠ %s %s", i+1,
				got[i].Entity, strings.Join(got[i].Inspectors, ","), r.Draw[i].Entity, strings.Join(r.Draw[i].Inspectors, ","))})
			break
		}
	}
	return out
}

func drawWith(r Record) ([]Assignment, error) { return Draw(r.Plan, r.Snapshot, r.Seed) }

// Build makes the record of a draw: the plan and the snapshot in
// canonical form with their hashes, the commitment and the seed, and
// the draw computed from them.
func Build(p Plan, s Snapshot, seed, committedAt, drawnAt string) (Record, error) {
	p.Normalise()
	s.Normalise()
	draw, err := Draw(p, s, seed)
	if err != nil {
		return Record{}, err
	}
	return Record{Format: Format, Plan: p, PlanSHA256: Hash(p), Snapshot: s, SnapshotSHA256: Hash(s),
		SeedSHA256: SeedHash(seed), CommittedAt: committedAt, Seed: seed, DrawnAt: drawnAt, Draw: draw}, nil
}

// Published are the commitments the portal published before the draw, as
// someone who verifies a record took them down then: the plan's, the
// snapshot's and the seed's hashes. An empty one is not checked.
type Published struct {
	PlanSHA256     string
	SnapshotSHA256 string
	SeedSHA256     string
}

// Complete reports whether every commitment is given.
func (p Published) Complete() bool {
	return p.PlanSHA256 != "" && p.SnapshotSHA256 != "" && p.SeedSHA256 != ""
}

// VerifyPublished is Verify and, besides, the record's hashes against
// the commitments published before the draw: a record consistent with
// itself proves nothing if its plan, snapshot or seed is not the one
// committed to (someone who edited an entity could recompute every hash
// and the draw). A difference there is named published_plan_sha256,
// published_snapshot_sha256 or published_seed_sha256.
func VerifyPublished(r Record, pub Published) []Difference {
	out := Verify(r)
	for _, c := range []struct{ field, published, record string }{
		{"published_plan_sha256", pub.PlanSHA256, r.PlanSHA256},
		{"published_snapshot_sha256", pub.SnapshotSHA256, r.SnapshotSHA256},
		{"published_seed_sha256", pub.SeedSHA256, r.SeedSHA256},
	} {
		if want := strings.ToLower(strings.TrimSpace(c.published)); want != "" && want != c.record {
			out = append(out, Difference{Field: c.field, Detail: c.record + " ≠ " + want})
		}
	}
	return out
}
