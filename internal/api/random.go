package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
)

// randomImport adds the 检查对象 of an uploaded .csv or .xlsx (multipart
// field "file") to the 双随机 directory, all or nothing; every problem
// comes back at its row and column.
func (h *Handler) randomImport(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	name, body, ok := uploadedFile(w, r, 64<<20)
	if !ok {
		return
	}
	rep, err := h.Random.ImportEntities(r.Context(), p, httpauth.Actor(r), name, body)
	reply(w, r, http.StatusCreated, rep, err)
}

// randomInspectorImport adds or updates the 执法检查人员 of an uploaded
// .csv or .xlsx (multipart field "file"), all or nothing; every problem
// comes back at its row and column.
func (h *Handler) randomInspectorImport(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	name, body, ok := uploadedFile(w, r, 16<<20)
	if !ok {
		return
	}
	rep, err := h.Random.ImportInspectors(r.Context(), p, httpauth.Actor(r), name, body)
	reply(w, r, http.StatusCreated, rep, err)
}

// randomInspectorCreate adds a 执法检查人员 to the directory.
func (h *Handler) randomInspectorCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	var in randomsvc.InspectorInput
	if !decoded(w, r, &in) {
		return
	}
	out, err := h.Random.AddInspector(r.Context(), p, httpauth.Actor(r), in)
	reply(w, r, http.StatusCreated, out, err)
}

// randomPlanCreate creates a 抽查计划 and commits to its draw: the answer
// carries the plan's, the snapshot's and the seed's hashes, never the
// seed.
func (h *Handler) randomPlanCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	var in randomsvc.PlanInput
	if !decoded(w, r, &in) {
		return
	}
	out, err := h.Random.CreatePlan(r.Context(), p, httpauth.Actor(r), in)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", randomsvc.PlanLink(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

// randomPlanList lists the 抽查计划, newest first.
func (h *Handler) randomPlanList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	all, err := h.Random.Plans(r.Context(), p)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[records.RandomPlan]{Items: all, Total: len(all)})
}

// randomPlanGet is one plan with its checks.
func (h *Handler) randomPlanGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Random != nil)
	if !ok {
		return
	}
	out, err := h.Random.Plan(r.Context(), p, id)
	reply(w, r, http.StatusOK, out, err)
}

// randomDrawCreate draws a plan, once: the seed is revealed and the
// record published. Drawing a drawn plan is 409.
func (h *Handler) randomDrawCreate(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Random != nil)
	if !ok {
		return
	}
	// The body is an empty object: nothing is chosen at the draw (a field
	// such as the former public_entropy is refused as unknown).
	var in struct{}
	if !decoded(w, r, &in) {
		return
	}
	rec, err := h.Random.Draw(r.Context(), p, httpauth.Actor(r), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", randomsvc.PlanLink(id)+"/draw")
	writeJSON(w, http.StatusCreated, rec)
}

// randomDrawGet is a drawn plan's published record, for anyone, signed
// in or not: the file `duban draw verify` recomputes.
func (h *Handler) randomDrawGet(w http.ResponseWriter, r *http.Request) {
	if h.Random == nil {
		http.NotFound(w, r)
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	body, err := h.Random.Record(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="draw-`+strconv.FormatInt(id, 10)+`.json"`)
	w.Write(body)
}

// randomResultCreate enters a check's result (published at once when
// publish is true).
func (h *Handler) randomResultCreate(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Random != nil)
	if !ok {
		return
	}
	var in randomsvc.ResultInput
	if !decoded(w, r, &in) {
		return
	}
	out, err := h.Random.EnterResult(r.Context(), p, httpauth.Actor(r), id, in)
	reply(w, r, http.StatusCreated, out, err)
}

// randomMatterList is the departments' 抽查事项清单.
func (h *Handler) randomMatterList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	all, err := h.Random.Matters(r.Context(), p)
	reply(w, r, http.StatusOK, all, err)
}

// randomMatterCreate adds an entry to a department's 抽查事项清单.
func (h *Handler) randomMatterCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Random != nil)
	if !ok {
		return
	}
	var in records.RandomMatter
	if !decoded(w, r, &in) {
		return
	}
	in.ID = 0
	out, err := h.Random.AddMatter(r.Context(), p, httpauth.Actor(r), in)
	reply(w, r, http.StatusCreated, out, err)
}
