package records

import "time"

// Group is a named set of units (县市区, 市直部门, 乡镇街道 …) that is
// ranked and circulated apart. A unit may belong to several groups.
type Group struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Note      string    `json:"note"`
	Members   []int64   `json:"members"` // unit ids, ascending
	CreatedAt time.Time `json:"created_at"`
}

// Has reports whether unit id is a member of the group.
func (g Group) Has(id int64) bool {
	for _, m := range g.Members {
		if m == id {
			return true
		}
	}
	return false
}

// GroupInput is a group to create, or what a group becomes when
// updated: its name, note and members (the whole list).
type GroupInput struct {
	Name    string
	Note    string
	Members []int64
}

// UnitMerge is what merging one unit into another moved: the rows of each
// table that pointed at the merged unit, by "table.column".
type UnitMerge struct {
	From  Unit           `json:"from"`
	Into  Unit           `json:"into"`
	Moved map[string]int `json:"moved"`
}

// RegistryImport is a batch of units and accounts to register at once,
// all or none: units in an order where a unit's parent, named by
// ParentName, is registered already or comes earlier in the list.
type RegistryImport struct {
	Units []ImportUnit
	Users []UserCreate
}

// ImportUnit is a unit of a RegistryImport; ParentName "" is a top-level
// unit.
type ImportUnit struct {
	UnitCreate
	ParentName string
}
