package intakesvc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// Service is ledger intake.
type Service struct {
	Store Store
	// Ledger builds the review read model and the views the operations
	// return; the API's reviews come from the same one.
	Ledger *ledgersvc.Service
	// PassDown, when set, is handed the tasks of a plan just registered
	// (挂号) so that those assigned to a catch-all unit are passed down to
	// its members (分解下达, subtasksvc.Service.PassDownRegistered).
	PassDown func(ctx context.Context, p authz.Principal, actor audit.Actor, taskIDs []int64)

	// beforeWrite, when set (by tests), runs after an operation checked
	// its input and before its store call: what another request could do
	// in between.
	beforeWrite func()
}

// gap marks the gap between an operation's checks and its write.
func (s *Service) gap() {
	if s.beforeWrite != nil {
		s.beforeWrite()
	}
}

// Operator is the person at the server's console who runs `duban
// import`: they act as the office, and the audit log names them system.
var Operator = authz.Principal{Username: audit.System.Username, Role: authz.Office}

// MaxBytes bounds a plan document, the reader's own limit.
const MaxBytes = 64 << 20

// Extensions are the kinds of plan document the importer reads. OA
// systems also save .htm; the reader checks the content, this only spares
// people a pointless upload of a PDF or a scan.
var Extensions = []string{".txt", ".docx", ".xlsx", ".csv", ".html", ".htm"}

// Upload is a plan document to take in.
type Upload struct {
	// Name is the file's name; its base is kept as the plan's source.
	Name string
	Data []byte
	// Draft keeps the plan under review until the office confirms it
	// (the pages and the API); otherwise its tasks are registered at once
	// (`duban import` of documents already reviewed elsewhere).
	Draft bool
}

// Imported is what an import did.
type Imported struct {
	ID int64
	// Created is false when the same document was imported before: its
	// plan is the one returned, unchanged.
	Created bool
	Title   string
	// Untitled is true when the document gives no title of its own, so
	// Title is its file's name, for the office to correct.
	Untitled bool
	Tasks    int
	// Warnings are the parse's document-level warnings, as kept.
	Warnings []plandoc.Warning
}

// Import reads, parses and checks a document and stores it with its
// source text and what the parse did not read. A document of an unknown
// kind, too large, or giving no task is an *InputError (field "file");
// one the reader cannot make sense of is a *DocumentError.
func (s *Service) Import(ctx context.Context, p authz.Principal, actor audit.Actor, in Upload) (*Imported, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	switch {
	case strings.TrimSpace(in.Name) == "":
		return nil, invalid("file", "plans.error.no_file")
	case !knownExtension(in.Name):
		return nil, invalid("file", "plans.error.type")
	case len(in.Data) > MaxBytes:
		return nil, invalid("file", "plans.error.too_large")
	}
	doc, err := docread.Read(in.Name, in.Data)
	if err != nil {
		return nil, &DocumentError{Name: in.Name, Err: err}
	}
	plan, err := parse(doc)
	if err != nil {
		de := &DocumentError{Name: in.Name, Err: err}
		if errors.Is(err, errParser) {
			de.Key = "plans.error.parser_failed"
		}
		return nil, de
	}
	if len(plan.Tasks) == 0 {
		return nil, invalid("file", "error.plan_no_tasks")
	}
	untitled := strings.TrimSpace(plan.Title) == ""
	if untitled {
		plan.Title = titleFromName(in.Name)
	}
	warnings := documentWarnings(plan.Warnings)
	sum := sha256.Sum256(in.Data)
	id, created, err := s.Store.ImportPlan(ctx, records.PlanImport{SourceName: filepath.Base(in.Name),
		SourceSHA256: hex.EncodeToString(sum[:]), Format: string(doc.Format), Plan: plan, Actor: actor,
		Draft: in.Draft, SourceText: docread.Text(doc), Warnings: warnings})
	if err != nil {
		return nil, err
	}
	if created && !in.Draft {
		s.passDown(ctx, p, actor, id)
	}
	return &Imported{ID: id, Created: created, Title: plan.Title, Untitled: untitled, Tasks: len(plan.Tasks), Warnings: warnings}, nil
}

// titleFromName is the title of a plan whose document gives none: its
// file's name without the folder and the extension, at most MaxPlanTitle
// characters. Every plan has a title, which lists, links and the portal
// show; the office corrects it at review.
func titleFromName(name string) string {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	title := []rune(strings.TrimSpace(strings.TrimSuffix(base, filepath.Ext(base))))
	if len(title) > MaxPlanTitle {
		title = title[:MaxPlanTitle]
	}
	return string(title)
}

func knownExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// documentWarnings keeps the warnings about the document: those about the
// task list are recomputed from the tasks as the office edits them.
func documentWarnings(all []plandoc.Warning) []plandoc.Warning {
	out := []plandoc.Warning{}
	for _, w := range all {
		if !plandoc.TaskWarning(w.Kind) {
			out = append(out, w)
		}
	}
	return out
}

// errParser is the parser failing on a document (a bug met, not the
// document's fault): the person is told so in the catalogue's words.
var errParser = errors.New("intake: the parser failed")

// parse runs the parser, turning a panic into this document's error: a
// parser bug met in one document must not abort a batch of fifty, nor a
// server's request.
func parse(doc *docread.Doc) (plan *plandoc.Plan, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("plan parser panic", "file", doc.Name, "panic", r, "stack", string(debug.Stack()))
			plan, err = nil, fmt.Errorf("%w: panic: %v", errParser, r)
		}
	}()
	plan, err = plandoc.ParseDoc(doc)
	if err != nil {
		return nil, err
	}
	if plan == nil {
		return nil, fmt.Errorf("%w: no plan", errParser)
	}
	return plan, nil
}

// Review returns a plan beside its source text, every unit name matched
// to the registry, with the parse's warnings and the honest counts.
func (s *Service) Review(ctx context.Context, p authz.Principal, id int64) (*ledgersvc.Review, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	return s.Ledger.Review(ctx, id)
}

// passDown hands plan's registered tasks to PassDown.
func (s *Service) passDown(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64) {
	if s.PassDown == nil {
		return
	}
	pl, err := s.Store.FindPlanByID(ctx, plan)
	if err != nil {
		slog.Warn("pass down: read plan", "plan", plan, "err", err)
		return
	}
	ids := make([]int64, len(pl.Tasks))
	for i, t := range pl.Tasks {
		ids[i] = t.ID
	}
	s.PassDown(ctx, p, actor, ids)
}
