package webdeps

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"sort"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/web"
)

// plans is plan intake for the office, with the same rules as the API's
// POST /api/v1/plans, review and confirm.
type plans struct{ d *Deps }

func (s *plans) List(ctx context.Context) ([]ledgersvc.Plan, error) {
	if _, _, err := s.d.acting(ctx, authz.PlanRead); err != nil {
		return nil, err
	}
	all, err := s.d.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ledgersvc.Plan, len(all))
	for i := range all {
		out[i] = ledgersvc.PlanOf(&all[i])
	}
	// Newest first: the plan just uploaded is the one being worked on.
	sort.SliceStable(out, func(i, j int) bool { return out[i].ImportedAt.After(out[j].ImportedAt) })
	return out, nil
}

// planExts are the kinds of plan document the importer reads. OA systems
// also save .htm; the reader checks the content, this only spares people
// a pointless upload of a PDF or a scan.
var planExts = map[string]bool{".txt": true, ".docx": true, ".xlsx": true, ".html": true, ".htm": true}

func (s *plans) Import(ctx context.Context, name string, data []byte) (int64, bool, error) {
	_, actor, err := s.d.acting(ctx, authz.PlanWrite)
	if err != nil {
		return 0, false, err
	}
	if name == "" {
		return 0, false, &web.ValidationError{Fields: map[string]string{"file": "plans.error.no_file"}}
	}
	if !planExts[strings.ToLower(filepath.Ext(name))] {
		return 0, false, &web.ValidationError{Fields: map[string]string{"file": "plans.error.type"}}
	}
	doc, err := docread.Read(name, data)
	if err != nil {
		var de *docread.Error
		if errors.As(err, &de) {
			return 0, false, &web.DocumentError{Message: de.Error()}
		}
		return 0, false, err
	}
	plan, err := plandoc.ParseDoc(doc)
	if err != nil {
		return 0, false, &web.DocumentError{Message: err.Error()}
	}
	if len(plan.Tasks) == 0 {
		return 0, false, &web.ValidationError{Fields: map[string]string{"file": "error.plan_no_tasks"}}
	}
	sum := sha256.Sum256(data)
	id, created, err := s.d.Store.ImportPlan(ctx, store.PlanImport{SourceName: name, SourceSHA256: hex.EncodeToString(sum[:]),
		Format: string(doc.Format), Plan: plan, Actor: actor, Draft: true, SourceText: docread.Text(doc)})
	if err != nil {
		return 0, false, pageError(err, "file", "error.invalid")
	}
	return id, !created, nil
}

func (s *plans) Review(ctx context.Context, id int64) (*ledgersvc.Review, error) {
	if _, _, err := s.d.acting(ctx, authz.PlanWrite); err != nil {
		return nil, err
	}
	rv, err := s.d.Ledger.Review(ctx, id)
	return rv, pageError(err, "", "")
}

func (s *plans) Confirm(ctx context.Context, id int64) error {
	_, actor, err := s.d.acting(ctx, authz.PlanWrite)
	if err != nil {
		return err
	}
	return pageError(s.d.Store.ConfirmPlan(ctx, actor, id), "", "error.plan_confirmed")
}

// Publish puts a confirmed plan on the public portal, or takes it off;
// the office decides (PlanWrite).
func (s *plans) Publish(ctx context.Context, id int64, public bool) error {
	_, actor, err := s.d.acting(ctx, authz.PlanWrite)
	if err != nil {
		return err
	}
	return pageError(s.d.Store.PublishPlan(ctx, actor, id, public), "", "")
}
