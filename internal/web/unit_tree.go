package web

// UnitRow is a unit placed in the registry tree.
type UnitRow struct {
	UnitView
	Depth      int
	ParentName string
}

// unitTree orders units depth-first under their parents, keeping the
// service's order among siblings. A unit whose parent is missing is shown
// at the top level, and a parent cycle (which the service should refuse)
// cannot loop or hide units: every unit appears exactly once.
func unitTree(units []UnitView) []UnitRow {
	byID := make(map[int64]UnitView, len(units))
	for _, u := range units {
		byID[u.ID] = u
	}
	children := map[int64][]UnitView{}
	var roots []UnitView
	for _, u := range units {
		if _, ok := byID[u.ParentID]; u.ParentID == 0 || !ok || u.ParentID == u.ID {
			roots = append(roots, u)
			continue
		}
		children[u.ParentID] = append(children[u.ParentID], u)
	}
	rows := make([]UnitRow, 0, len(units))
	seen := make(map[int64]bool, len(units))
	var walk func(u UnitView, depth int)
	walk = func(u UnitView, depth int) {
		if seen[u.ID] {
			return
		}
		seen[u.ID] = true
		rows = append(rows, UnitRow{UnitView: u, Depth: depth, ParentName: byID[u.ParentID].Name})
		for _, c := range children[u.ID] {
			walk(c, depth+1)
		}
	}
	for _, u := range roots {
		walk(u, 0)
	}
	// Units caught in a cycle have no root above them; show them at the
	// top so they can be found and fixed.
	for _, u := range units {
		walk(u, 0)
	}
	return rows
}

// descendants returns id and every unit below it, the parents a unit may
// not be moved under.
func descendants(units []UnitView, id int64) map[int64]bool {
	out := map[int64]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, u := range units {
			if out[u.ParentID] && !out[u.ID] {
				out[u.ID] = true
				changed = true
			}
		}
	}
	return out
}
