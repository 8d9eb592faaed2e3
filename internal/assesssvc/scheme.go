package assesssvc

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// The problems a scheme can have, as catalogue keys.
const (
	problemRatio    = "assess.problem.between_0_1"
	problemPer      = "assess.problem.between_0_100"
	problemPoints   = "assess.problem.between_0_1000"
	problemWeight   = "assess.problem.weight"
	problemMinTasks = "assess.problem.min_tasks"
	problemBonus    = "assess.problem.bonus_only"
	problemEmpty    = "assess.problem.scheme_empty"
	problemNumber   = "error.number_invalid"
	problemRequired = "error.required"
	problemNoDraft  = "assess.problem.no_draft"
)

// SchemeField is one number of the scheme: its key (the form's field and
// the key of the problems refused at it), the part of the scheme it
// belongs to (key_work, daily, incentive, satisfaction), where it sits in
// the scheme, and the range it must lie in.
type SchemeField struct {
	Key, Group string
	Get        func(*assess.Scheme) float64
	Set        func(*assess.Scheme, float64)
	Min, Max   float64
	Problem    string // the catalogue key when out of range
}

// The fields beside the numbers: the scheme's name and MinTasks.
const (
	FieldName     = "name"
	FieldMinTasks = "min_tasks"
)

// field makes a SchemeField over a plain number of the scheme.
func field(key, group string, lo, hi float64, problem string, at func(*assess.Scheme) *float64) SchemeField {
	return SchemeField{key, group,
		func(s *assess.Scheme) float64 { return *at(s) },
		func(s *assess.Scheme, v float64) { *at(s) = v }, lo, hi, problem}
}

// mapField makes a SchemeField over an entry of one of the scheme's maps.
func mapField(key, group string, lo, hi float64, problem string, of func(*assess.Scheme) *map[string]float64, entry string) SchemeField {
	return SchemeField{key, group,
		func(s *assess.Scheme) float64 { return (*of(s))[entry] },
		func(s *assess.Scheme, v float64) {
			if *of(s) == nil {
				*of(s) = map[string]float64{}
			}
			(*of(s))[entry] = v
		}, lo, hi, problem}
}

func notices(s *assess.Scheme) *map[string]float64 { return &s.Daily.Notice }
func bonuses(s *assess.Scheme) *map[string]float64 { return &s.Incentive.Bonus }

// SchemeFields are the scheme's numbers in the order of the formula, with
// the ranges assess.Scheme.Validate holds them to.
var SchemeFields = []SchemeField{
	field("key_work", "key_work", 0, 1000, problemPoints, func(s *assess.Scheme) *float64 { return &s.KeyWork.Points }),
	field("on_time", "key_work", 0, 1, problemRatio, func(s *assess.Scheme) *float64 { return &s.KeyWork.OnTime }),
	field("late", "key_work", 0, 1, problemRatio, func(s *assess.Scheme) *float64 { return &s.KeyWork.Late }),
	field("unfinished", "key_work", 0, 1, problemRatio, func(s *assess.Scheme) *float64 { return &s.KeyWork.Unfinished }),
	field("default_weight", "key_work", 0.1, 1000, problemWeight, func(s *assess.Scheme) *float64 { return &s.DefaultWeight }),
	field("lead_share", "key_work", 0, 1, problemRatio, func(s *assess.Scheme) *float64 { return &s.LeadShare }),
	field("co_share", "key_work", 0, 1, problemRatio, func(s *assess.Scheme) *float64 { return &s.CoShare }),
	field("daily", "daily", 0, 1000, problemPoints, func(s *assess.Scheme) *float64 { return &s.Daily.Points }),
	field("press", "daily", 0, 100, problemPer, func(s *assess.Scheme) *float64 { return &s.Daily.Press }),
	mapField("notice.blue", "daily", 0, 100, problemPer, notices, "blue"),
	mapField("notice.yellow", "daily", 0, 100, problemPer, notices, "yellow"),
	mapField("notice.red", "daily", 0, 100, problemPer, notices, "red"),
	mapField("notice.listed", "daily", 0, 100, problemPer, notices, "listed"),
	field("report_missing", "daily", 0, 100, problemPer, func(s *assess.Scheme) *float64 { return &s.Daily.ReportMissing }),
	mapField("bonus.highlight", "incentive", 0, 100, problemPer, bonuses, assess.RecordHighlight),
	mapField("bonus.innovation", "incentive", 0, 100, problemPer, bonuses, assess.RecordInnovation),
	mapField("bonus.commendation", "incentive", 0, 100, problemPer, bonuses, assess.RecordCommendation),
	field("cap", "incentive", 0, 1000, problemPoints, func(s *assess.Scheme) *float64 { return &s.Incentive.Cap }),
	field("accountability", "incentive", 0, 1000, problemPoints, func(s *assess.Scheme) *float64 { return &s.Incentive.Accountability }),
	field("satisfaction", "satisfaction", 0, 1000, problemPoints, func(s *assess.Scheme) *float64 { return &s.Satisfaction.Points }),
}

// Schemes are the scheme in force and, for those who keep it, the draft.
type Schemes struct {
	Scheme assess.Scheme
	// Version is the published scheme in force; nil when duban's default
	// applies.
	Version *records.SchemeVersion
	// Draft is the office's unpublished draft; nil when there is none or
	// the reader may not see it.
	Draft *records.SchemeVersion
}

// Schemes are the scheme in force, for whoever may read the ledger, and
// the draft for the office only (see Draft).
func (s *Service) Schemes(ctx context.Context, p authz.Principal) (*Schemes, error) {
	if err := mayRead(p); err != nil {
		return nil, err
	}
	scheme, version, err := s.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	out := &Schemes{Scheme: scheme, Version: version}
	if s.CanSupervise(p) {
		if out.Draft, err = s.Draft(ctx, p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Draft is the scheme the office is editing, nil when there is none; for
// the office only (TaskSupervise): an unpublished scheme is not yet the
// rule anyone is scored by.
func (s *Service) Draft(ctx context.Context, p authz.Principal) (*records.SchemeVersion, error) {
	if err := maySupervise(p); err != nil {
		return nil, err
	}
	d, err := s.Store.SchemeDraft(ctx)
	if errors.Is(err, fault.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// SaveDraft keeps scheme as the draft, replacing the previous one, for
// the office. A scheme that does not hold is refused with a catalogue key
// at each field that is wrong (the SchemeFields' keys, name and
// min_tasks; bonus.<kind> and notice.<level> for the maps' other
// entries) and one for the whole when every part is worth nothing.
func (s *Service) SaveDraft(ctx context.Context, p authz.Principal, actor audit.Actor, scheme assess.Scheme) (records.SchemeVersion, error) {
	if err := maySupervise(p); err != nil {
		return records.SchemeVersion{}, err
	}
	scheme.Name = strings.TrimSpace(scheme.Name)
	if err := checkScheme(scheme); err != nil {
		return records.SchemeVersion{}, err
	}
	return s.Store.SaveSchemeDraft(ctx, actor, scheme)
}

// SaveDraftForm is SaveDraft for the scheme form: the scheme in force with
// the form's values (field key → text) put in. An empty name keeps the
// scheme's; a value that is no number is refused at its field.
func (s *Service) SaveDraftForm(ctx context.Context, p authz.Principal, actor audit.Actor, form map[string]string) (records.SchemeVersion, error) {
	if err := maySupervise(p); err != nil {
		return records.SchemeVersion{}, err
	}
	scheme, _, err := s.Scheme(ctx)
	if err != nil {
		return records.SchemeVersion{}, err
	}
	bad := map[string]string{}
	if name := strings.TrimSpace(form[FieldName]); name != "" {
		scheme.Name = name
	}
	if n, err := strconv.Atoi(strings.TrimSpace(form[FieldMinTasks])); err == nil {
		scheme.MinTasks = n
	} else {
		bad[FieldMinTasks] = problemMinTasks
	}
	for _, f := range SchemeFields {
		v, err := strconv.ParseFloat(strings.TrimSpace(form[f.Key]), 64)
		if err != nil {
			bad[f.Key] = problemNumber
			continue
		}
		f.Set(&scheme, v)
	}
	if len(bad) > 0 {
		// The other values' problems too, so the form lists them all at once.
		if e := fault.As(checkScheme(scheme)); e != nil {
			for f, key := range e.Fields {
				if _, seen := bad[f]; !seen {
					bad[f] = key
				}
			}
		}
		return records.SchemeVersion{}, &fault.Error{Code: fault.Invalid, Fields: bad}
	}
	return s.SaveDraft(ctx, p, actor, scheme)
}

// Publish puts the draft in force, for the office; without a draft it is
// not found.
func (s *Service) Publish(ctx context.Context, p authz.Principal, actor audit.Actor) (records.SchemeVersion, error) {
	if err := maySupervise(p); err != nil {
		return records.SchemeVersion{}, err
	}
	v, err := s.Store.PublishScheme(ctx, actor)
	if errors.Is(err, fault.ErrNotFound) {
		return v, &fault.Error{Code: fault.NotFound, Key: problemNoDraft, Err: err}
	}
	return v, err
}

// checkScheme holds the scheme to SchemeFields' ranges, field by field.
// assess.Scheme.Validate then checks the same in its own words: whatever
// it finds that the fields did not is still refused, as a whole.
func checkScheme(s assess.Scheme) error {
	bad := map[string]string{}
	in := func(key string, v, lo, hi float64, problem string) {
		if !(v >= lo && v <= hi) { // NaN too
			bad[key] = problem
		}
	}
	if s.Name == "" {
		bad[FieldName] = problemRequired
	}
	if s.MinTasks < 0 || s.MinTasks > 1000 {
		bad[FieldMinTasks] = problemMinTasks
	}
	known := map[string]bool{}
	for _, f := range SchemeFields {
		known[f.Key] = true
		in(f.Key, f.Get(&s), f.Min, f.Max, f.Problem)
	}
	for _, level := range slices.Sorted(maps.Keys(s.Daily.Notice)) {
		if k := "notice." + level; !known[k] {
			in(k, s.Daily.Notice[level], 0, 100, problemPer)
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(s.Incentive.Bonus)) {
		if k := "bonus." + kind; !known[k] {
			bad[k] = problemBonus
		}
	}
	e := &fault.Error{Code: fault.Invalid}
	if len(bad) > 0 {
		e.Fields = bad
	}
	if !(s.KeyWork.Points+s.Daily.Points+s.Satisfaction.Points > 0) {
		e.Key = problemEmpty
	}
	if err := s.Validate(); err != nil {
		e.Err = err
		if e.Fields == nil && e.Key == "" {
			e.Key = "assess.problem.scheme"
		}
	}
	if e.Fields == nil && e.Key == "" {
		return nil
	}
	return e
}
