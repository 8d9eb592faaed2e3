package webdeps

import (
	"strconv"
	"testing"

	"github.com/duban/duban/internal/assess"

	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
)

// TestCodeLabelsInCatalogue keeps the catalogue's zh-CN names of the
// domain's codes the same as the domain's own labels (which the exports
// and letters still use), and checks every code has one.
func TestCodeLabelsInCatalogue(t *testing.T) {
	cn := i18n.New(i18n.ZhCN)
	check := func(group, code, label string) {
		t.Helper()
		key := group + "." + code
		if !i18n.Has(key) {
			t.Errorf("%s: not in the catalogue", key)
		} else if got := cn.T(key); got != label {
			t.Errorf("%s: catalogue %q, domain %q", key, got, label)
		}
	}
	for _, st := range states {
		check("hotline.state", string(st), st.Label())
	}
	for _, ty := range hotline.Types {
		check("hotline.type", string(ty), ty.Label())
	}
	for _, l := range emergency.Levels {
		check("emergency.level", string(l), l.Label())
	}
	for _, d := range emergency.Duties {
		check("emergency.duty", d.Kind, d.Label)
	}
	for _, s := range []string{emergency.Pending, emergency.DueSoon, emergency.Overdue, emergency.OnTime, emergency.Late, emergency.Untimed} {
		check("emergency.state", s, emergency.StateLabel(s))
	}
	for _, r := range foia.Replies {
		check("foia.reply", string(r), r.Label())
	}
	for _, a := range foia.Applicants {
		check("foia.applicant", string(a), foia.ApplicantLabel(a))
	}
	for _, c := range []foia.Channel{foia.InPerson, foia.Registered, foia.OrdinaryMail, foia.Online, foia.Fax} {
		check("foia.channel", string(c), foia.ChannelLabel(c))
	}
	for _, s := range []string{foia.StateRunning, foia.StateCorrection, foia.StateAbandoned, foia.StateConsulting,
		foia.StateAwaitingFee, foia.StateReplied, foia.StateOverdue} {
		check("foia.state", s, foia.StateLabel(s))
	}
	for _, k := range assess.RecordKinds {
		check("assess.record", k, assess.RecordLabel(k))
	}
	for _, p := range []string{assess.PartKeyWork, assess.PartDaily, assess.PartIncentive, assess.PartSatisfaction} {
		check("assess.part_label", p, assess.PartLabel(p))
	}
	for i, g := range foia.WithheldReasons {
		check("foia.withheld", strconv.Itoa(i), g)
	}
}

// TestSchemeFieldsInCatalogue: every number of the scheme form, its
// part, and the problem it can be refused with are named in both
// catalogues, so the form and its problems never show a raw key.
func TestSchemeFieldsInCatalogue(t *testing.T) {
	for _, n := range assess.Numbers {
		for _, key := range []string{assess.LabelKey(n.Field), assess.PartKey(n.Part), n.Problem} {
			if !i18n.Has(key) {
				t.Errorf("%s: %s not in the catalogue", n.Field, key)
			}
		}
	}
}

// TestFOIAReportRowsInCatalogue keeps the annual table's rows, which the
// page names by position, in step with foia.AnnualTable.
func TestFOIAReportRowsInCatalogue(t *testing.T) {
	cn := i18n.New(i18n.ZhCN)
	for i, r := range foia.AnnualTable(2026, nil) {
		if got := cn.Code("foia.report.row", strconv.Itoa(i), ""); got != r.Label {
			t.Errorf("row %d: catalogue %q, table %q", i, got, r.Label)
		}
	}
	for _, k := range []string{foia.StepCorrection, foia.StepSupplement, foia.StepConsult, foia.StepConsultDone, foia.StepFeeNotice,
		foia.StepFeePaid, foia.StepExtension, foia.StepReply} {
		if got := cn.Code("foia.step", k, ""); got != foiasvc.StepLabel(k) {
			t.Errorf("step %s: catalogue %q, service %q", k, got, foiasvc.StepLabel(k))
		}
	}
}
