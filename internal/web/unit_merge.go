package web

import (
	"net/http"
	"strconv"
)

// UnitMergePage is the form that merges a unit into another (合并单位),
// and, once merged, what moved.
type UnitMergePage struct {
	Page
	Unit    UnitView
	Targets []UnitOption // every other unit; the unit's own subtree disabled
	Into    int64
	Errors  FieldErrors
	Done    *MergeView
}

// unitMergeForm shows the merge form of a unit.
func (h *Handler) unitMergeForm(w http.ResponseWriter, r *http.Request) {
	h.renderMerge(w, r, http.StatusOK, 0, FieldErrors{})
}

// unitMergeSubmit merges the unit into the one chosen and shows what
// moved.
func (h *Handler) unitMergeSubmit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	into, _ := strconv.ParseInt(field(r, "into"), 10, 64)
	fe := FieldErrors{}
	if into <= 0 {
		fe.add("into", "error.required")
		h.renderMerge(w, r, http.StatusUnprocessableEntity, into, fe)
		return
	}
	m, err := h.d.Registry.Merge(r.Context(), id, into)
	if err != nil {
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		h.renderMerge(w, r, http.StatusUnprocessableEntity, into, fe)
		return
	}
	h.render(w, r, http.StatusOK, "unit_merge", UnitMergePage{Page: h.basePage(w, r, "/units"), Unit: UnitView{Name: m.From}, Done: m})
}

func (h *Handler) renderMerge(w http.ResponseWriter, r *http.Request, status int, into int64, fe FieldErrors) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.d.Units.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	units, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// A unit is merged into another that is not under it.
	blocked := descendants(units, id)
	data := UnitMergePage{Unit: u, Into: into, Errors: fe}
	for _, o := range unitTree(units) {
		data.Targets = append(data.Targets, UnitOption{ID: o.ID, Name: o.Name, Depth: o.Depth, Selected: o.ID == into, Disabled: blocked[o.ID]})
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, status, "unit_merge", data)
}
