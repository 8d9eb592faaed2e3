package assess

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// Say renders a message of the catalogue (internal/i18n) in the reader's
// language: its key and name/value pairs. The pages pass their
// Localizer's T, so assess itself holds no sentence.
type Say func(key string, args ...any) string

// defaultLevels are the ladder levels of the default rules, which the
// catalogue names; an office's own levels show by their code.
var defaultLevels = map[string]bool{"blue": true, "yellow": true, "red": true, "listed": true}

// NameIn is the scheme's name in the reader's language: the catalogue's
// for the default scheme's name, the office's own wording otherwise.
func (s Scheme) NameIn(say Say) string {
	if s.Name == defaultName {
		return say("assess.scheme.default_name")
	}
	return s.Name
}

// Formula states the scheme in plain words, a paragraph a part, as the
// public page shows it.
func (s Scheme) Formula(say Say) []string {
	k, dl, inc := s.KeyWork, s.Daily, s.Incentive
	out := []string{
		say("assess.formula.total", "key_work", num(k.Points), "daily", num(dl.Points), "satisfaction", num(s.Satisfaction.Points), "cap", num(inc.Cap)),
		say("assess.formula.key_work", "weight", num(s.DefaultWeight), "lead", num(s.LeadShare), "co", num(s.CoShare),
			"late", num(k.Late*100), "unfinished", num(k.Unfinished*100), "points", num(k.Points)),
		say("assess.formula.daily", "points", num(dl.Points), "deductions", strings.Join(s.deductions(say), say("assess.formula.deductions_sep")),
			"lead", num(s.LeadShare), "co", num(s.CoShare)),
		say("assess.formula.incentive", "bonuses", strings.Join(s.bonuses(say), say("assess.formula.bonuses_sep")), "cap", num(inc.Cap),
			"accountability", num(inc.Accountability)),
		say("assess.formula.satisfaction", "points", num(s.Satisfaction.Points)),
	}
	if s.MinTasks > 0 {
		out = append(out, say("assess.formula.ranking_min", "n", s.MinTasks))
	} else {
		out = append(out, say("assess.formula.ranking"))
	}
	return out
}

func (s Scheme) deductions(say Say) []string {
	var out []string
	if s.Daily.Press > 0 {
		out = append(out, say("assess.formula.press", "points", num(s.Daily.Press)))
	}
	levels := slices.SortedFunc(maps.Keys(s.Daily.Notice), func(a, b string) int {
		return cmp.Or(cmp.Compare(s.Daily.Notice[a], s.Daily.Notice[b]), cmp.Compare(a, b))
	})
	for _, l := range levels {
		if v := s.Daily.Notice[l]; v > 0 {
			name := say("assess.formula.notice_code", "code", l)
			if defaultLevels[l] {
				name = say("supervise.level." + l)
			}
			out = append(out, say("assess.formula.notice", "level", name, "points", num(v)))
		}
	}
	if s.Daily.ReportMissing > 0 {
		out = append(out, say("assess.formula.report_missing", "points", num(s.Daily.ReportMissing)))
	}
	if s.Daily.ProposalLate > 0 {
		out = append(out, say("assess.formula.proposal_late", "points", num(s.Daily.ProposalLate)))
	}
	if s.Daily.ProposalUnsatisfied > 0 {
		out = append(out, say("assess.formula.proposal_unsatisfied", "points", num(s.Daily.ProposalUnsatisfied)))
	}
	if len(out) == 0 {
		return []string{say("assess.formula.no_deductions")}
	}
	return out
}

func (s Scheme) bonuses(say Say) []string {
	var out []string
	for _, kind := range RecordKinds {
		if v := s.Incentive.Bonus[kind]; v > 0 {
			out = append(out, say("assess.formula.bonus", "kind", say("assess.record."+kind), "points", num(v)))
		}
	}
	if len(out) == 0 {
		return []string{say("assess.formula.no_bonuses")}
	}
	return out
}
