package api

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
)

// planList lists the plans.
func (h *Handler) planList(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.PlanRead); err != nil {
		fail(w, r, err)
		return
	}
	plans, err := h.Store.FindPlans(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	items := make([]ledgersvc.Plan, len(plans))
	for i := range plans {
		items[i] = ledgersvc.PlanOf(&plans[i])
	}
	writeJSON(w, http.StatusOK, list[ledgersvc.Plan]{Items: items, Total: len(items)})
}

// planGet returns a plan with the tasks the caller may read: all of them,
// or a liaison's units' tasks only.
func (h *Handler) planGet(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanRead)
	if !ok {
		return
	}
	p, err := h.Store.FindPlanByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	views, total, err := h.Ledger.List(r.Context(), c.Principal(), store.TaskFilter{PlanID: id, Limit: 500})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		ledgersvc.Plan
		Tasks list[ledgersvc.Task] `json:"tasks"`
	}{ledgersvc.PlanOf(p), list[ledgersvc.Task]{Items: views, Total: total}})
}

// planImport stores an uploaded plan document (multipart field "file") as
// a draft for review, all or nothing, once per document, and answers with
// the review: the source text beside the extracted tasks, each unit name
// matched to the registry or flagged with suggestions.
func (h *Handler) planImport(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.PlanWrite); err != nil {
		fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<20)
	file, header, err := r.FormFile("file")
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, errors.New("需要上传字段 file (multipart field file)")))
		return
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	doc, err := docread.Read(header.Filename, data)
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	plan, err := plandoc.ParseDoc(doc)
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	sum := sha256.Sum256(data)
	id, created, err := h.Store.ImportPlan(r.Context(), store.PlanImport{SourceName: header.Filename,
		SourceSHA256: hex.EncodeToString(sum[:]), Format: string(doc.Format), Plan: plan, Actor: httpauth.Actor(r),
		Draft: true, SourceText: docread.Text(doc)})
	if err != nil {
		fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if !created {
		status = http.StatusOK
	}
	rv, err := h.Ledger.Review(r.Context(), id)
	reply(w, r, status, rv, err)
}
