package assesssvc

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// The problems of the scheme form beyond assess.Scheme.Validate's, as
// catalogue keys: a value that is no number, and no draft to publish.
const (
	problemNumber   = "error.number_invalid"
	problemMinTasks = "assess.problem.min_tasks"
	problemNoDraft  = "assess.problem.no_draft"
)

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
// the office. A scheme that does not hold is refused as
// assess.Scheme.Validate finds it: a catalogue key at each field that is
// wrong, named as the scheme form names it, and one for the whole when
// every part is worth nothing.
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
	typed := &fault.Error{Code: fault.Invalid, Fields: map[string]string{}, Labels: map[string]fault.Label{}}
	if name := strings.TrimSpace(form[assess.FieldName]); name != "" {
		scheme.Name = name
	}
	if n, err := strconv.Atoi(strings.TrimSpace(form[assess.FieldMinTasks])); err == nil {
		scheme.MinTasks = n
	} else {
		typed.Fields[assess.FieldMinTasks] = problemMinTasks
		typed.Labels[assess.FieldMinTasks] = fault.Label{Key: assess.LabelKey(assess.FieldMinTasks)}
	}
	for _, n := range assess.Numbers {
		v, err := strconv.ParseFloat(strings.TrimSpace(form[n.Field]), 64)
		if err != nil {
			typed.Fields[n.Field] = problemNumber
			typed.Labels[n.Field] = fault.Label{Key: assess.LabelKey(n.Field), Group: assess.PartKey(n.Part)}
			continue
		}
		n.Set(&scheme, v)
	}
	if len(typed.Fields) > 0 {
		// The other values' problems too, so the form lists them all at once.
		if e := fault.As(checkScheme(scheme)); e != nil {
			for f, key := range e.Fields {
				if _, seen := typed.Fields[f]; !seen {
					typed.Fields[f], typed.Labels[f] = key, e.Labels[f]
				}
			}
			typed.Key, typed.Args = e.Key, e.Args
		}
		return records.SchemeVersion{}, typed
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

// checkScheme is assess.Scheme.Validate as a refusal: each problem's key
// at its field with the field's label and part, the placeholders of all
// of them (Validate gives each name to one problem only), and the
// problem of the whole as the refusal's key.
func checkScheme(s assess.Scheme) error {
	var ps assess.Problems
	if err := s.Validate(); !errors.As(err, &ps) {
		return err
	}
	e := &fault.Error{Code: fault.Invalid, Err: ps}
	for _, p := range ps {
		for k, v := range p.Args {
			if e.Args == nil {
				e.Args = map[string]any{}
			}
			e.Args[k] = v
		}
		if p.Field == "" {
			e.Key = p.Key
			continue
		}
		if e.Fields == nil {
			e.Fields, e.Labels = map[string]string{}, map[string]fault.Label{}
		}
		e.Fields[p.Field] = p.Key
		if p.Label != "" {
			e.Labels[p.Field] = fault.Label{Key: p.Label, Group: p.Group}
		}
	}
	return e
}
