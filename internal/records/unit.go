package records

import (
	"time"
)

// Unit is a registered unit.
type Unit struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	ParentID int64    `json:"parent_id,omitempty"` // 0 for a top-level unit
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	// Email is where the unit's supervision messages are mailed: one
	// address or several, separated by commas; "" for none.
	Email string `json:"email"`
	// MembersGroupID is, for a catch-all unit (各县（市、区）政府), the unit
	// group whose members it stands for: a task assigned to it is passed
	// down as one sub-task per member (分解下达). 0: none.
	MembersGroupID int64     `json:"members_group_id,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
}

// UnitCreate is a new unit.
type UnitCreate struct {
	Name     string
	ParentID int64
	Kind     string
	Aliases  []string
	Email    string
}

// UnitUpdate changes the fields that are not nil.
type UnitUpdate struct {
	Name     *string
	ParentID *int64
	Kind     *string
	Aliases  *[]string
	Email    *string
	// MembersGroupID links the unit to the group it stands for (0 unlinks).
	MembersGroupID *int64
}

// Unit kinds, as the registry records them.
const (
	UnitCity       = "city"       // 市政府
	UnitDepartment = "department" // 市级部门
	UnitCounty     = "county"     // 县（市、区）政府
	UnitTownship   = "township"   // 乡镇（街道）
	UnitPartyGroup = "party"      // 党委（党组）
	UnitOffice     = "office"     // 办公室、议事协调机构
	UnitGroup      = "group"      // a catch-all named in plans: 市级有关部门, 各县（市、区）政府
	UnitOther      = "other"
)

// UnitKinds lists the kinds in display order.
var UnitKinds = []string{UnitCity, UnitDepartment, UnitCounty, UnitTownship, UnitPartyGroup, UnitOffice, UnitGroup, UnitOther}
