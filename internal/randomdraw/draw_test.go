package randomdraw

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// directory is n entities over four grades and three areas, m inspectors
// of whom every third lacks the 食品 qualification, and ties: inspector
// i is tied to entities i, i+m, i+2m….
func directory(n, m int) Snapshot {
	var s Snapshot
	grades, areas := []string{"A", "B", "C", "D"}, []string{"城区", "东区", "西区"}
	for i := range n {
		s.Entities = append(s.Entities, Entity{Code: fmt.Sprintf("91440000MA%08d", i), Name: fmt.Sprintf("商户%d", i),
			Type: "企业", Area: areas[i%3], Industry: "餐饮", Grade: grades[i%4]})
	}
	for j := range m {
		q := []string{"市场监管", "食品"}
		if j%3 == 2 {
			q = q[:1]
		}
		s.Inspectors = append(s.Inspectors, Inspector{Key: fmt.Sprintf("I%03d", j), Name: fmt.Sprintf("检查员%d", j),
			Cert: MaskCert(fmt.Sprintf("44010020%06d", j)), Unit: "市市场监管局", Qualifications: q, Areas: areas})
	}
	for i := range n {
		s.Ties = append(s.Ties, Pair{Inspector: fmt.Sprintf("I%03d", i%m), Entity: s.Entities[i].Code})
	}
	return s
}

func plan() Plan {
	return Plan{Title: "2026年食品经营者抽查", Department: "市市场监管局", Matter: "食品经营许可情况检查", Count: 30,
		Weights: []Weight{{"D", 4}, {"C", 2}}, TeamSize: 2, Qualifications: []string{"食品"}, AvoidLast: true}
}

func TestRoundTrip(t *testing.T) {
	rec, err := Build(plan(), directory(200, 12), "c0ffee", "2026-12-01T02:00:00Z", "2026-12-06T02:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Draw) != 30 {
		t.Fatalf("drew %d entities, want 30", len(rec.Draw))
	}
	body, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var back Record
	if err := json.Unmarshal(body, &back); err != nil {
		t.Fatal(err)
	}
	if d := Verify(back); len(d) != 0 {
		t.Fatalf("a record as built does not verify: %v", d)
	}
	again, _ := Build(plan(), directory(200, 12), "c0ffee", "", "")
	if !slices.EqualFunc(again.Draw, rec.Draw, func(a, b Assignment) bool { return a.Entity == b.Entity && slices.Equal(a.Inspectors, b.Inspectors) }) {
		t.Fatal("the same inputs drew differently")
	}
}

func TestTampering(t *testing.T) {
	rec, err := Build(plan(), directory(200, 12), "c0ffee", "", "")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(r *Record){
		"snapshot_sha256": func(r *Record) { r.Snapshot.Entities[7].Name = "另一商户" },
		"plan_sha256":     func(r *Record) { r.Plan.Count = 31 },
		"seed_sha256":     func(r *Record) { r.Seed = "c0ffef" },
		"draw": func(r *Record) {
			r.Draw[3].Inspectors[0], r.Draw[3].Inspectors[1] = r.Draw[3].Inspectors[1], r.Draw[3].Inspectors[0]
		},
	}
	for field, change := range cases {
		t.Run(field, func(t *testing.T) {
			var r Record
			if err := json.Unmarshal(Canonical(rec), &r); err != nil {
				t.Fatal(err)
			}
			change(&r)
			d := Verify(r)
			if !slices.ContainsFunc(d, func(x Difference) bool { return x.Field == field }) {
				t.Fatalf("changing %s: differences %v do not name it", field, d)
			}
		})
	}
}

// TestNoTiedInspector draws 500 times, each seed its own, and checks
// every team: no inspector with a tie to the entity or who checked it
// last time, every one qualified, teams of two distinct people.
func TestNoTiedInspector(t *testing.T) {
	s := directory(120, 9)
	for i := range 30 {
		s.Last = append(s.Last, Pair{Inspector: fmt.Sprintf("I%03d", (i+4)%9), Entity: s.Entities[i].Code})
	}
	p := plan()
	p.Count = 40
	p.Normalise()
	s.Normalise()
	barred := map[Pair]bool{}
	for _, x := range append(append([]Pair{}, s.Ties...), s.Last...) {
		barred[x] = true
	}
	qualified := map[string]bool{}
	for _, in := range s.Inspectors {
		qualified[in.Key] = slices.Contains(in.Qualifications, "食品")
	}
	teams := 0
	for seed := range 500 {
		draw, err := Draw(p, s, fmt.Sprintf("seed-%d", seed))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range draw {
			if len(a.Inspectors) != 2 || a.Inspectors[0] == a.Inspectors[1] {
				t.Fatalf("seed %d: team %v for %s", seed, a.Inspectors, a.Entity)
			}
			for _, in := range a.Inspectors {
				if barred[Pair{Inspector: in, Entity: a.Entity}] {
					t.Fatalf("seed %d: inspector %s drawn for %s, to which they are tied", seed, in, a.Entity)
				}
				if !qualified[in] {
					t.Fatalf("seed %d: inspector %s lacks the qualification", seed, in)
				}
			}
			teams++
		}
	}
	if teams != 500*40 {
		t.Fatalf("%d teams, want %d", teams, 500*40)
	}
}

// TestWeighting: grade D weighs 4, A 1; over many draws a D entity is
// drawn about four times as often as an A one.
func TestWeighting(t *testing.T) {
	s := directory(400, 12)
	p := plan()
	p.Count = 20
	p.Normalise()
	s.Normalise()
	grade := map[string]string{}
	for _, e := range s.Entities {
		grade[e.Code] = e.Grade
	}
	n := map[string]int{}
	for seed := range 300 {
		draw, err := Draw(p, s, fmt.Sprint(seed))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range draw {
			n[grade[a.Entity]]++
		}
	}
	if r := float64(n["D"]) / float64(n["A"]); r < 3.2 || r > 4.8 {
		t.Fatalf("D/A drawn %d/%d = %.2f, want about 4", n["D"], n["A"], r)
	}
	if n["C"] <= n["B"] {
		t.Fatalf("C (weight 2) drawn %d times, B (weight 1) %d", n["C"], n["B"])
	}
}

func TestFiltersAndShortTeams(t *testing.T) {
	s := directory(60, 4)
	p := plan()
	p.Count, p.Ratio, p.Areas = 0, 10, []string{"东区"}
	p.Normalise()
	s.Normalise()
	draw, err := Draw(p, s, "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(draw) != 2 { // 20 entities in 东区, 10% of them
		t.Fatalf("drew %d, want 2", len(draw))
	}
	p.TeamSize = 3 // three of the four are 食品-qualified and one is tied to each entity
	_, err = Draw(p, s, "x")
	var short *ShortError
	if !errors.As(err, &short) || short.Have != 2 {
		t.Fatalf("a team of three out of two eligible: %v", err)
	}
	p.TeamSize = 1
	if _, err := Draw(p, s, "x"); !errors.Is(err, ErrTeam) {
		t.Fatalf("a team of one: %v", err)
	}
}

func TestMaskCert(t *testing.T) {
	for in, want := range map[string]string{"44010020123456": "44********3456", "12345": "*****"} {
		if got := MaskCert(in); got != want {
			t.Errorf("MaskCert(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkDraw20000 draws 1,000 entities and their teams out of a
// snapshot of 20,000 entities and 60 inspectors: the draw of a city's
// directory, and what `duban draw verify` recomputes.
func BenchmarkDraw20000(b *testing.B) {
	s := directory(20000, 60)
	p := plan()
	p.Count = 1000
	p.Normalise()
	s.Normalise()
	for b.Loop() {
		if d, err := Draw(p, s, "seed"); err != nil || len(d) != 1000 {
			b.Fatal(err)
		}
	}
}

// TestNothingUncommittedChangesTheDraw: a record cannot carry a value
// chosen at the draw (a "public entropy" once could, never committed
// to): whatever such a field says, the record's draw is recomputed from
// the committed seed, plan and snapshot alone, so trying values cannot
// steer the draw.
func TestNothingUncommittedChangesTheDraw(t *testing.T) {
	rec, err := Build(plan(), directory(200, 12), "c0ffee", "", "")
	if err != nil {
		t.Fatal(err)
	}
	body := Canonical(rec)
	for _, e := range []string{"07 12 19", "2026-12-05 体彩 12 07 33", "x"} {
		tried := bytes.Replace(body, []byte(`"seed":"c0ffee",`), []byte(`"seed":"c0ffee","public_entropy":"`+e+`",`), 1)
		var r Record
		if err := json.Unmarshal(tried, &r); err != nil {
			t.Fatal(err)
		}
		if d := Verify(r); len(d) != 0 {
			t.Fatalf("entropy %q changes the draw: %v", e, d)
		}
		if !bytes.Equal(Canonical(r), body) {
			t.Fatalf("entropy %q is kept in the record", e)
		}
	}
}

// TestVerifyPublished: a record whose entity was edited and whose hashes
// and draw were recomputed is consistent with itself, and only the
// commitments published before the draw tell it apart.
func TestVerifyPublished(t *testing.T) {
	rec, err := Build(plan(), directory(200, 12), "c0ffee", "", "")
	if err != nil {
		t.Fatal(err)
	}
	pub := Published{PlanSHA256: rec.PlanSHA256, SnapshotSHA256: rec.SnapshotSHA256, SeedSHA256: strings.ToUpper(rec.SeedSHA256)}
	if d := VerifyPublished(rec, pub); len(d) != 0 {
		t.Fatalf("the genuine record against its commitments: %v", d)
	}
	s := directory(200, 12)
	s.Entities[7].Name = "另一商户"
	forged, err := Build(plan(), s, "c0ffee", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if d := Verify(forged); len(d) != 0 {
		t.Fatalf("the forged record is not consistent with itself: %v", d)
	}
	d := VerifyPublished(forged, pub)
	if len(d) != 1 || d[0].Field != "published_snapshot_sha256" {
		t.Fatalf("the forged record against the commitments: %v", d)
	}
	if d := VerifyPublished(forged, Published{PlanSHA256: rec.PlanSHA256}); len(d) != 0 {
		t.Fatalf("only the plan's hash given: %v", d)
	}
}
