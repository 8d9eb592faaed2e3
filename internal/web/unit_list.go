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
	// Groups are the names of the groups each unit is a member of.
	Groups map[int64][]string
}

// unitList shows the registry as a tree.
func (h *Handler) unitList(w http.ResponseWriter, r *http.Request) {
	units, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page := UnitListPage{Page: h.basePage(w, r, ""), Rows: unitTree(units),
		CanWrite: h.d.Units.MayWrite(r.Context()) == nil, Housekeeping: h.d.Registry != nil}
	if h.d.Registry != nil {
		gs, err := h.d.Registry.Groups(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		page.Groups = map[int64][]string{}
		for _, g := range gs {
			for _, m := range g.Members {
				page.Groups[m] = append(page.Groups[m], g.Name)
			}
		}
	}
	h.render(w, r, http.StatusOK, "units", page)
}
