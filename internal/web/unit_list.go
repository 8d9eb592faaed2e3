package web

import "net/http"

// UnitListPage is the data of the unit registry page.
type UnitListPage struct {
	Page
	Rows []UnitRow
	// CanWrite: the reader keeps the registry, so the forms are offered.
	CanWrite bool
	// Housekeeping: the groups, merge and import pages are there.
	Housekeeping bool
}

// unitList shows the registry as a tree.
func (h *Handler) unitList(w http.ResponseWriter, r *http.Request) {
	units, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "units", UnitListPage{Page: h.basePage(w, r, ""), Rows: unitTree(units),
		CanWrite: h.d.Units.MayWrite(r.Context()) == nil, Housekeeping: h.d.Registry != nil})
}
