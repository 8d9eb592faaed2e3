package web

import (
	"context"
	"net/http"

	"github.com/duban/duban/internal/i18n"
)

// roleOptions are the six roles for a select, selected marked.
func (h *Handler) roleOptions(r *http.Request, selected string) []Option {
	loc := i18n.FromContext(r.Context())
	opts := make([]Option, len(Roles))
	for i, role := range Roles {
		opts[i] = Option{Value: role, Label: loc.T(roleKey(role)), Selected: role == selected}
	}
	return opts
}

// UnitOption is a unit in a tree-ordered select or checkbox list.
type UnitOption struct {
	ID       int64
	Name     string
	Depth    int
	Selected bool
	Disabled bool
}

// unitOptions lists the registry as a tree for choosing units, those in
// selected ticked. Without a Units service the list is empty and the
// form shows no choice.
func (h *Handler) unitOptions(ctx context.Context, selected []int64) ([]UnitOption, error) {
	if h.d.Units == nil {
		return nil, nil
	}
	units, err := h.d.Units.List(ctx)
	if err != nil {
		return nil, err
	}
	rows := unitTree(units)
	opts := make([]UnitOption, len(rows))
	for i, u := range rows {
		opts[i] = UnitOption{ID: u.ID, Name: u.Name, Depth: u.Depth, Selected: hasID(selected, u.ID)}
	}
	return opts, nil
}
