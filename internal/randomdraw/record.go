package randomdraw

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Format names this record layout and draw algorithm; a record of another
// format is not verified.
const Format = "duban-random-draw/1"

// Entity is a 检查对象 of the directory as the snapshot keeps it.
type Entity struct {
	Code     string `json:"code"` // 统一社会信用代码, unique
	Name     string `json:"name"`
	Type     string `json:"type"`
	Area     string `json:"area"`
	Industry string `json:"industry"`
	Grade    string `json:"grade"` // risk grade: A (low) … D (high)
}

// Inspector is a 执法检查人员 as the snapshot keeps it: Key is stable
// (the directory's id), Cert the 执法证 number masked, so the published
// record identifies the inspector without carrying the whole number.
type Inspector struct {
	Key            string   `json:"key"`
	Name           string   `json:"name"`
	Cert           string   `json:"cert"`
	Unit           string   `json:"unit"`
	Qualifications []string `json:"qualifications"`
	Areas          []string `json:"areas"`
}

// Pair ties an inspector (Key) to an entity (Code): a conflict (回避),
// or an inspection held last time.
type Pair struct {
	Inspector string `json:"inspector"`
	Entity    string `json:"entity"`
}

// Snapshot is the directory frozen when the plan's seed was committed:
// the entities the plan's filters admit, every inspector, the ties and
// the previous plan's pairs.
type Snapshot struct {
	Entities   []Entity    `json:"entities"`
	Inspectors []Inspector `json:"inspectors"`
	Ties       []Pair      `json:"ties"`
	Last       []Pair      `json:"last"`
}

// Weight is the weight of a risk grade in the draw: an entity of grade
// Grade is Weight times as likely to be drawn as one of weight 1.
type Weight struct {
	Grade  string `json:"grade"`
	Weight int    `json:"weight"`
}

// Plan is what a 抽查计划 says about its draw; the rest of the plan (its
// id, its department's id, its dates) is not an input of the draw.
type Plan struct {
	Title          string   `json:"title"`
	Department     string   `json:"department"`
	Joint          []string `json:"joint"`         // the other departments of a 部门联合抽查
	Matter         string   `json:"matter"`        // the 抽查事项
	Count          int      `json:"count"`         // how many entities; 0: by Ratio
	Ratio          int      `json:"ratio_percent"` // percent of the eligible entities, rounded up
	Types          []string `json:"types"`         // filters; empty admits all
	Areas          []string `json:"areas"`
	Grades         []string `json:"grades"`
	Weights        []Weight `json:"weights"` // by grade; a grade not listed weighs 1
	TeamSize       int      `json:"team_size"`
	Qualifications []string `json:"qualifications"` // every inspector of a team holds each
	MatchArea      bool     `json:"match_area"`     // an inspector checks only in their areas
	AvoidLast      bool     `json:"avoid_last"`     // never the entity an inspector checked last time
}

// Assignment is one drawn entity and its inspectors' keys.
type Assignment struct {
	Entity     string   `json:"entity"`
	Inspectors []string `json:"inspectors"`
}

// Record is the published draw: everything needed to recompute it.
type Record struct {
	Format         string       `json:"format"`
	PlanID         int64        `json:"plan_id"`
	Plan           Plan         `json:"plan"`
	PlanSHA256     string       `json:"plan_sha256"`
	Snapshot       Snapshot     `json:"snapshot"`
	SnapshotSHA256 string       `json:"snapshot_sha256"`
	SeedSHA256     string       `json:"seed_sha256"`
	CommittedAt    string       `json:"committed_at"`
	Seed           string       `json:"seed"`
	DrawnAt        string       `json:"drawn_at"`
	Draw           []Assignment `json:"draw"`
}

// Canonical is v's canonical serialisation: JSON in the order the
// struct declares its fields, no HTML escaping, no spaces, no newline.
func Canonical(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only the types of this package are serialised: they always encode.
		panic(fmt.Sprintf("randomdraw: canonical: %v", err))
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// Hash is the hex SHA-256 of v's canonical serialisation.
func Hash(v any) string {
	sum := sha256.Sum256(Canonical(v))
	return hex.EncodeToString(sum[:])
}

// NewSeed is a fresh secret seed: 32 random bytes, hex.
func NewSeed() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("randomdraw: seed: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// SeedHash is the commitment to seed published before the draw.
func SeedHash(seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(sum[:])
}

// Normalise puts the plan in canonical form: lists sorted, no empty
// entries, nil lists empty.
func (p *Plan) Normalise() {
	for _, l := range []*[]string{&p.Joint, &p.Types, &p.Areas, &p.Grades, &p.Qualifications} {
		*l = sortedSet(*l)
	}
	p.Weights = slices.DeleteFunc(append([]Weight{}, p.Weights...), func(w Weight) bool { return strings.TrimSpace(w.Grade) == "" })
	slices.SortFunc(p.Weights, func(a, b Weight) int { return strings.Compare(a.Grade, b.Grade) })
}

// Normalise puts the snapshot in canonical form: entities by code,
// inspectors by key, pairs sorted and unique.
func (s *Snapshot) Normalise() {
	if s.Entities == nil {
		s.Entities = []Entity{}
	}
	slices.SortFunc(s.Entities, func(a, b Entity) int { return strings.Compare(a.Code, b.Code) })
	if s.Inspectors == nil {
		s.Inspectors = []Inspector{}
	}
	for i := range s.Inspectors {
		s.Inspectors[i].Qualifications = sortedSet(s.Inspectors[i].Qualifications)
		s.Inspectors[i].Areas = sortedSet(s.Inspectors[i].Areas)
	}
	slices.SortFunc(s.Inspectors, func(a, b Inspector) int { return strings.Compare(a.Key, b.Key) })
	s.Ties = sortedPairs(s.Ties)
	s.Last = sortedPairs(s.Last)
}

func sortedSet(l []string) []string {
	out := []string{}
	for _, s := range l {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sortedPairs(l []Pair) []Pair {
	out := append([]Pair{}, l...)
	slices.SortFunc(out, func(a, b Pair) int {
		if c := strings.Compare(a.Inspector, b.Inspector); c != 0 {
			return c
		}
		return strings.Compare(a.Entity, b.Entity)
	})
	return slices.Compact(out)
}

// MaskCert masks a 执法证 number for publication: the first two and the
// last four characters stay, the rest become *.
func MaskCert(cert string) string {
	r := []rune(strings.TrimSpace(cert))
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:2]) + strings.Repeat("*", len(r)-6) + string(r[len(r)-4:])
}
